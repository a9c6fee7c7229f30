//! The one table of keys: it handles keys, and generates the help overlay, the footer hints and
//! the documentation, so none of them can disagree.

use std::sync::LazyLock;

use super::action::{Action, Key};
use super::screens::{SCREENS, Screen};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Every screen, when no text field has the keys.
    Global,
    /// Any list: moving and opening.
    List,
    Today,
    Week,
    Families,
    /// Typing in the Families search box.
    Search,
    FamilyPage,
    /// Choosing among proposed slots.
    Booking,
    /// Choosing whose week to show.
    PickStaff,
    Staff,
    Groups,
    Report,
    /// A series page: its sessions and the grid.
    GroupPage,
    /// Marking who came to a session.
    RollCall,
    /// Choosing suggested families for a series.
    PickMembers,
    /// Typing in the Staff search line.
    StaffSearch,
    Form,
    Confirm,
    Help,
}

impl Scope {
    pub fn title(self) -> (&'static str, &'static str) {
        match self {
            Scope::Global => ("Överallt", "Everywhere"),
            Scope::List => ("Listor", "Lists"),
            Scope::Search => ("Sökning", "Search"),
            Scope::StaffSearch => ("Söka personal", "Staff search"),
            Scope::FamilyPage => ("Familjesida", "Family page"),
            Scope::Booking => ("Boka besök", "Booking"),
            Scope::PickStaff => ("Välj person", "Choose a person"),
            Scope::Form => ("Formulär", "Forms"),
            Scope::Confirm => ("Frågor", "Questions"),
            Scope::Help => ("Hjälp", "Help"),
            Scope::GroupPage => ("Gruppsida", "Group page"),
            Scope::RollCall => ("Närvaro", "Roll call"),
            Scope::PickMembers => ("Välj familjer", "Choose families"),
            // A screen's own keys carry the screen's name, from the screen table.
            Scope::Today
            | Scope::Week
            | Scope::Families
            | Scope::Groups
            | Scope::Staff
            | Scope::Report => {
                Screen::of_scope(self).map_or(("", ""), |s| (s.info().sv, s.info().en))
            }
        }
    }
}

#[derive(Debug)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub sv: &'static str,
    pub en: &'static str,
    /// Shown in the footer of its scope.
    pub hint: bool,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    sv: &'static str,
    en: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        sv,
        en,
        hint,
    }
}

use Key::{
    BackTab, Char, Ctrl, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right, Tab, Up,
};
use Scope::{
    Booking, Confirm, Families, FamilyPage, Form, Global, Help, List, Search, Staff, StaffSearch,
    Today, Week,
};

/// The number keys that switch screens, one per row of the screen table; they come first of
/// the global keys.
static SCREEN_BINDINGS: LazyLock<Vec<Binding>> = LazyLock::new(|| {
    SCREENS
        .iter()
        .map(|s| {
            let keys = std::slice::from_ref(&s.key);
            bind(Global, keys, Action::Show(s.screen), s.sv, s.en, false)
        })
        .collect()
});

/// Every other key.
#[rustfmt::skip]
static BINDINGS: [Binding; 102] = [
    bind(Global, &[Char('/')], Action::Search, "sök familj", "search families", true),
    bind(Global, &[Char('?')], Action::Help, "hjälp", "help", true),
    bind(Global, &[Esc], Action::Back, "tillbaka", "back", false),
    bind(Global, &[Char('q'), Ctrl('c')], Action::Quit, "avsluta", "quit", true),
    bind(List, &[Down, Char('j')], Action::Down, "ned", "down", false),
    bind(List, &[Up, Char('k')], Action::Up, "upp", "up", false),
    bind(List, &[PageDown], Action::PageDown, "en sida ned", "page down", false),
    bind(List, &[PageUp], Action::PageUp, "en sida upp", "page up", false),
    bind(List, &[Home, Char('g')], Action::Top, "först", "first", false),
    bind(List, &[End, Char('G')], Action::Bottom, "sist", "last", false),
    bind(List, &[Enter], Action::Open, "öppna", "open", true),
    bind(Today, &[Tab], Action::NextPane, "besök / att göra", "visits / to do", true),
    bind(Today, &[Char('o')], Action::RecordOutcome, "registrera utfall", "record outcome", true),
    bind(Today, &[Char('r')], Action::Rebook, "boka om", "rebook", true),
    bind(Today, &[Char('n')], Action::Book, "boka besöket", "book the visit", true),
    bind(Today, &[Char('a')], Action::TodayRollCall, "närvaro för dagens grupp", "roll call of today's group", true),
    bind(Week, &[Char('[')], Action::PrevWeek, "förra veckan", "previous week", true),
    bind(Week, &[Char(']')], Action::NextWeek, "nästa vecka", "next week", true),
    bind(Week, &[Char('t')], Action::ThisWeek, "denna vecka", "this week", false),
    bind(Week, &[Left, Char('h')], Action::PrevDay, "dagen före", "previous day", false),
    bind(Week, &[Right, Char('l')], Action::NextDay, "dagen efter", "next day", false),
    bind(Week, &[Char('s')], Action::PickStaff, "en persons vecka", "one person's week", true),
    bind(Week, &[Char('o')], Action::RecordOutcome, "registrera utfall", "record outcome", false),
    bind(Week, &[Char('r')], Action::Rebook, "boka om", "rebook", false),
    bind(Week, &[Char('n')], Action::BookOnDay, "boka på markerad dag", "book on the marked day", true),
    bind(Scope::PickStaff, &[Enter], Action::Open, "visa personens vecka (tomt: alla)", "show the person's week (empty: everyone)", true),
    bind(Scope::PickStaff, &[Down, Tab], Action::Down, "nästa träff", "next match", false),
    bind(Scope::PickStaff, &[Up, BackTab], Action::Up, "förra träffen", "previous match", false),
    bind(Scope::PickStaff, &[Esc], Action::Back, "avbryt", "cancel", true),
    bind(Families, &[Char('n')], Action::New, "ny familj", "new family", true),
    bind(Families, &[Char('a')], Action::FilterArea, "filter: område", "filter: area", false),
    bind(Families, &[Char('c')], Action::FilterClinic, "filter: BVC", "filter: clinic", false),
    bind(Families, &[Char('p')], Action::FilterProgramme, "filter: program", "filter: programme", false),
    bind(Families, &[Char('s')], Action::FilterStatus, "filter: status", "filter: status", false),
    bind(Families, &[Char('d')], Action::FilterDue, "att boka/bråttom", "due/closing soon", true),
    bind(Families, &[Char('x')], Action::ClearFilters, "rensa filter", "clear filters", false),
    bind(Search, &[Enter], Action::Open, "öppna markerad familj", "open the marked family", true),
    bind(Search, &[Down, Tab], Action::Down, "ned i listan", "down the list", false),
    bind(Search, &[Up, BackTab], Action::Up, "upp i listan", "up the list", false),
    bind(Search, &[Esc], Action::Back, "sluta söka", "stop searching", true),
    bind(Search, &[Ctrl('c')], Action::Quit, "avsluta", "quit", false),
    bind(FamilyPage, &[Char('n')], Action::Book, "boka nästa besök", "book the next visit", true),
    bind(FamilyPage, &[Char('e')], Action::Edit, "ändra familj", "edit family", true),
    bind(FamilyPage, &[Char('c')], Action::AddCaregiver, "ny vårdnadshavare", "add caregiver", true),
    bind(FamilyPage, &[Char('b')], Action::AddChild, "nytt barn", "add child", true),
    bind(FamilyPage, &[Char('C')], Action::EditCaregiver, "ändra vårdnadshavare", "edit caregiver", false),
    bind(FamilyPage, &[Char('B')], Action::EditChild, "ändra barn", "edit child", false),
    bind(FamilyPage, &[Char('s')], Action::RecordConsent, "samtycke", "consent", false),
    bind(FamilyPage, &[Char('a')], Action::Activate, "status: aktiv", "status: active", false),
    bind(FamilyPage, &[Char('d')], Action::Decline, "status: tackat nej", "status: declined", false),
    bind(FamilyPage, &[Char('p')], Action::Pause, "status: vilande", "status: paused", false),
    bind(FamilyPage, &[Char('x')], Action::Exit, "avsluta deltagandet", "end participation", false),
    bind(FamilyPage, &[Char('r')], Action::Reveal, "visa adress (loggas)", "show address (logged)", false),
    bind(Booking, &[Enter], Action::Open, "boka markerad tid", "book the marked slot", true),
    bind(Booking, &[Char('y')], Action::Yes, "boka markerad tid utan fråga", "book the marked slot without asking", false),
    bind(Booking, &[Esc], Action::Back, "stäng", "close", true),
    bind(Booking, &[Char('m')], Action::BookManually, "boka för hand", "book by hand", true),
    bind(Booking, &[Char('?')], Action::Help, "hjälp", "help", true),
    bind(Scope::Groups, &[Char('n')], Action::New, "ny grupp", "new group", true),
    bind(Scope::GroupPage, &[Enter], Action::Open, "närvaro för markerad träff", "roll call of the marked session", true),
    bind(Scope::GroupPage, &[Char('m')], Action::AddMembers, "lägg till familjer", "add families", true),
    bind(Scope::GroupPage, &[Char('e')], Action::Edit, "ändra gruppen", "edit the group", true),
    bind(Scope::GroupPage, &[Char('x')], Action::RemoveMember, "en familj slutar", "a family leaves", false),
    bind(Scope::RollCall, &[Char('p')], Action::MarkPresent, "närvarande", "present", true),
    bind(Scope::RollCall, &[Char('a')], Action::MarkAbsent, "frånvarande", "absent", true),
    bind(Scope::RollCall, &[Char('e')], Action::MarkExcused, "anmält förhinder", "excused", true),
    bind(Scope::RollCall, &[Char('1')], Action::OneAdult, "en vuxen", "one adult", false),
    bind(Scope::RollCall, &[Char('2')], Action::TwoAdults, "två vuxna", "two adults", false),
    bind(Scope::RollCall, &[Char('+')], Action::MoreDropins, "drop-in +1", "drop-ins +1", false),
    bind(Scope::RollCall, &[Char('-')], Action::FewerDropins, "drop-in −1", "drop-ins −1", false),
    bind(Scope::RollCall, &[Char('h')], Action::MarkHeld, "träffen genomförd", "session held", false),
    bind(Scope::RollCall, &[Char('c')], Action::CancelSession, "ställ in träffen", "cancel the session", false),
    bind(Scope::RollCall, &[Esc, Enter], Action::Back, "klar", "done", true),
    bind(Scope::RollCall, &[Char('?')], Action::Help, "hjälp", "help", true),
    bind(Scope::PickMembers, &[Char(' ')], Action::Tick, "markera / avmarkera", "tick / untick", true),
    bind(Scope::PickMembers, &[Enter], Action::Save, "lägg till markerade", "add the ticked", true),
    bind(Scope::PickMembers, &[Esc], Action::Back, "avbryt", "cancel", true),
    bind(Staff, &[Char('n')], Action::New, "ny medarbetare", "new staff member", true),
    bind(Staff, &[Char('e')], Action::Edit, "ändra", "edit", true),
    bind(Staff, &[Char('/')], Action::Search, "sök personal", "search staff", true),
    bind(Scope::Report, &[Char('[')], Action::PrevQuarter, "förra kvartalet", "previous quarter", true),
    bind(Scope::Report, &[Char(']')], Action::NextQuarter, "nästa kvartal", "next quarter", true),
    bind(Scope::Report, &[Char('y')], Action::TogglePeriod, "år eller kvartal", "year or quarter", true),
    bind(Scope::Report, &[Char('s')], Action::ToggleSent, "som filen skickar den", "as the file sends it", true),
    bind(Scope::Report, &[Tab], Action::NextPane, "nästa del", "next part", false),
    bind(Scope::Report, &[BackTab], Action::PrevPane, "förra delen", "previous part", false),
    bind(Scope::Report, &[Char('b')], Action::NextBreakdown, "byt indelning", "change breakdown", false),
    bind(Scope::Report, &[Enter], Action::Open, "rätta markerad post", "fix the marked record", false),
    bind(Scope::Report, &[Char('x')], Action::ExportReport, "exportera (aktuell mapp)", "export (current folder)", true),
    bind(StaffSearch, &[Enter], Action::Open, "ändra markerad person", "edit the marked person", true),
    bind(StaffSearch, &[Down, Tab], Action::Down, "ned i listan", "down the list", false),
    bind(StaffSearch, &[Up, BackTab], Action::Up, "upp i listan", "up the list", false),
    bind(StaffSearch, &[Esc], Action::Back, "sluta söka", "stop searching", true),
    bind(StaffSearch, &[Ctrl('c')], Action::Quit, "avsluta", "quit", false),
    bind(Form, &[Tab, Down], Action::NextField, "nästa fält", "next field", true),
    bind(Form, &[BackTab, Up], Action::PrevField, "förra fältet", "previous field", false),
    bind(Form, &[Enter, Ctrl('s')], Action::Save, "spara", "save", true),
    bind(Form, &[Esc], Action::Back, "avbryt", "cancel", true),
    bind(Form, &[Ctrl('c')], Action::Quit, "avsluta", "quit", false),
    bind(Form, &[Ctrl('d')], Action::Remove, "ta bort personen (frågar först)", "remove the person (asks first)", false),
    bind(Confirm, &[Char('y')], Action::Yes, "ja", "yes", true),
    bind(Help, &[Esc, Char('?'), Char('q')], Action::Back, "stäng hjälpen", "close help", true),
];

/// Bindings not in the table because they only name keys already there: `n`/`Esc` answer no in
/// a question. Kept apart so the table stays one row per action and scope.
const CONFIRM_NO: [Key; 2] = [Char('n'), Esc];

/// The action for `key` in the given scopes, most specific first.
pub fn action_for(scopes: &[Scope], key: Key) -> Option<Action> {
    if scopes.contains(&Confirm) && CONFIRM_NO.contains(&key) {
        return Some(Action::No);
    }
    scopes.iter().find_map(|scope| {
        bindings()
            .find(|b| b.scope == *scope && b.keys.contains(&key))
            .map(|b| b.action.clone())
    })
}

/// Every binding, in table order: the screen keys, then the rest.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    SCREEN_BINDINGS.iter().chain(BINDINGS.iter())
}

/// How a key is written in help and hints.
pub fn key_label(key: Key) -> String {
    match key {
        Char(' ') => "Space".into(),
        Char(c) => c.to_string(),
        Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        Home => "Home".into(),
        End => "End".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        Key::Backspace => "Backspace".into(),
        Key::Delete => "Delete".into(),
    }
}

pub fn keys_label(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| key_label(*k))
        .collect::<Vec<_>>()
        .join("/")
}

/// The bindings of the scopes, in table order, for help and hints.
pub fn bindings_in(scopes: &[Scope]) -> impl Iterator<Item = &'static Binding> + '_ {
    scopes
        .iter()
        .flat_map(|s| bindings().filter(move |b| b.scope == *s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for a in bindings() {
            for b in bindings() {
                if !std::ptr::eq(a, b) && a.scope == b.scope {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.scope);
                    }
                }
            }
        }
    }

    #[test]
    fn specific_scopes_win_over_global() {
        assert_eq!(action_for(&[Form, Global], Esc), Some(Action::Back));
        assert_eq!(
            action_for(&[FamilyPage, List, Global], Char('e')),
            Some(Action::Edit)
        );
        assert_eq!(
            action_for(&[Families, List, Global], Char('q')),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(&[Form], Char('q')),
            None,
            "forms take letters as text"
        );
        assert_eq!(action_for(&[Confirm], Char('n')), Some(Action::No));
    }

    /// Lists every action, each with a key or with why it has none, and checks the keyed ones.
    /// It expands to a `match` over `Action` without a wildcard arm: a new action does not
    /// compile until it is listed here, and one listed among the keys must have a row.
    macro_rules! every_action {
        (
            keys: [$($key:ident),* $(,)?],
            one_per_screen: $show:ident,
            not_keys: [$($data:ident: $why:literal),* $(,)?] $(,)?
        ) => {{
            fn why_no_key(action: &Action) -> Option<&'static str> {
                match action {
                    $(Action::$key)|* | Action::$show(_) => None,
                    $(Action::$data(..) => Some($why),)*
                }
            }
            let mut keyed = vec![$(Action::$key),*];
            keyed.extend(SCREENS.iter().map(|s| Action::$show(s.screen)));
            (keyed, why_no_key)
        }};
    }

    /// Help and the docs come from the table, so an action without a row would be invisible.
    #[test]
    fn every_user_action_has_a_key() {
        let (keyed, why_no_key) = every_action! {
            keys: [
                Help, Back, Quit, Up, Down, PageUp, PageDown, Top, Bottom, Open, New, Edit,
                NextPane, PrevPane, Search, FilterArea, FilterClinic, FilterProgramme, FilterStatus,
                FilterDue, ClearFilters, Reveal, Book, BookManually, BookOnDay, RecordOutcome,
                PrevWeek, NextWeek, ThisWeek, PrevDay, NextDay, PickStaff, Rebook, AddCaregiver,
                AddChild, RecordConsent, EditCaregiver, EditChild, Remove, Activate, Decline, Pause, Exit, NextField, PrevField,
                Save, Yes, No, AddMembers, RemoveMember, MarkPresent, MarkAbsent, MarkExcused, OneAdult,
                TwoAdults, MoreDropins, FewerDropins, MarkHeld, CancelSession, Tick,
                TodayRollCall, PrevQuarter, NextQuarter, TogglePeriod, ToggleSent, NextBreakdown, ExportReport,
            ],
            one_per_screen: Show,
            not_keys: [
                Type: "the key itself, typed into a text field that has focus",
                TodayLoaded: "data from the runtime",
                TodayPageLoaded: "data from the runtime",
                AlertsLoaded: "data from the runtime",
                IndexLoaded: "data from the runtime",
                FamilyLoaded: "data from the runtime",
                StaffLoaded: "data from the runtime",
                WeekLoaded: "data from the runtime",
                DayLoaded: "data from the runtime",
                ProposalsLoaded: "data from the runtime",
                Revealed: "the runtime's answer to a reveal, after the audit row is written",
                Saved: "the runtime's answer to a write",
                Failed: "the runtime's answer to a write or a read",
                FamilyAlertsLoaded: "data from the runtime, after one family changed",
                IndexEntryLoaded: "data from the runtime, after one family changed",
                IntegrityChecked: "the runtime's answer to the check at start",
                StaffBookingsLoaded: "data from the runtime, before a staff member is deactivated",
                GroupsLoaded: "data from the runtime",
                GroupLoaded: "data from the runtime",
                RollCallLoaded: "data from the runtime",
                SuggestionsLoaded: "data from the runtime",
                MarkSaved: "the runtime's answer to a mark",
                SessionSaved: "the runtime's answer to a change of a session",
                ReportLoaded: "data from the background worker",
                MissingLoaded: "data from the runtime",
                ReportRunsLoaded: "data from the runtime",
                OutcomeVisitLoaded: "data from the runtime, before the outcome form opens",
                Exported: "the runtime's answer to an export",
            ],
        };
        for action in keyed {
            assert_eq!(why_no_key(&action), None);
            // `No` answers a question with keys that are already in the table (see CONFIRM_NO).
            let bound = bindings().any(|b| b.action == action)
                || (action == Action::No && action_for(&[Confirm], CONFIRM_NO[0]).is_some());
            assert!(bound, "{action:?} has no key");
        }
        assert!(why_no_key(&Action::Type(Char('a'))).is_some());
    }

    #[test]
    fn labels_are_readable() {
        assert_eq!(keys_label(&[Down, Char('j')]), "↓/j");
        assert_eq!(key_label(Ctrl('s')), "Ctrl-S");
    }
}
