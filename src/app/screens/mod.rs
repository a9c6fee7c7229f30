//! The one table of screens: tab order, number key, name in both languages, and the keymap scope
//! a screen's keys start from. The tab bar, the number-key bindings, the help titles and the
//! routing of keys all read it. Adding a screen is one row here, its folder beside this file
//! (`<screen>/mod.rs`: state, intents, answers, effects; `<screen>/update.rs`: what a key or an
//! answer does), its drawing in `ui/screens/<screen>`, its reads in `ops/reads/<screen>.rs`, and
//! one arm in `tui/dispatch.rs`. Moving a screen in the tab order is only its row.

pub mod families;
pub mod family;
pub mod groups;
pub mod report;
pub mod staff;
pub mod today;
pub mod week;

use super::action::Key;
use super::keymap::Scope;

/// One screen's row in the table.
#[derive(Debug)]
pub struct ScreenInfo {
    pub screen: Screen,
    /// The key that switches to it, shown in its tab.
    pub key: Key,
    pub sv: &'static str,
    pub en: &'static str,
    /// Its own keys; lists and the global keys come after them. A screen may hand its keys to
    /// a part of it for a while (the Families search box, a family's page): see `App::scopes`.
    pub scope: Scope,
}

/// Declares the `Screen` enum and the table from the same rows, so that neither can lack one,
/// and `Screen::info` is an index that cannot miss.
macro_rules! screens {
    ($($(#[$doc:meta])* $screen:ident: $key:literal, $sv:literal, $en:literal, $scope:ident;)*) => {
        /// The screens, in tab order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Screen {
            $($(#[$doc])* $screen,)*
        }

        /// Every screen, in tab order.
        pub static SCREENS: &[ScreenInfo] = &[
            $(ScreenInfo {
                screen: Screen::$screen,
                key: Key::Char($key),
                sv: $sv,
                en: $en,
                scope: Scope::$scope,
            },)*
        ];
    };
}

// DESIGN numbers the screens 1–6: Today, Week, Families, Groups, Staff, Report.
screens! {
    Today:    '1', "Idag",     "Today",    Today;
    Week:     '2', "Vecka",    "Week",     Week;
    Families: '3', "Familjer", "Families", Families;
    Groups:   '4', "Grupper",  "Groups",   Groups;
    Staff:    '5', "Personal", "Staff",    Staff;
    Report:   '6', "Rapport",  "Report",   Report;
}

impl Screen {
    /// This screen's row.
    pub fn info(self) -> &'static ScreenInfo {
        // The enum and the table come from the same rows in the same order.
        &SCREENS[self as usize]
    }

    /// The screen whose own keys are `scope`, if any.
    pub fn of_scope(scope: Scope) -> Option<Screen> {
        SCREENS.iter().find(|s| s.scope == scope).map(|s| s.screen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_is_found_by_its_screen_and_keys_and_scopes_are_unique() {
        for (i, row) in SCREENS.iter().enumerate() {
            assert!(std::ptr::eq(row.screen.info(), row));
            assert_eq!(Screen::of_scope(row.scope), Some(row.screen));
            for other in &SCREENS[i + 1..] {
                assert_ne!(
                    row.key, other.key,
                    "{:?} and {:?}",
                    row.screen, other.screen
                );
                assert_ne!(row.scope, other.scope);
            }
        }
    }
}
