//! The one table of keys: it handles keys, and generates the help overlay, the footer hints and
//! the documentation, so none of them can disagree.

use std::sync::LazyLock;

use super::action::{
    FamiliesIntent, FamilyIntent, GroupsIntent, Intent, Key, ReportIntent, TodayIntent, WeekIntent,
};
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
    pub action: Intent,
    pub sv: &'static str,
    pub en: &'static str,
    /// Shown in the footer of its scope.
    pub hint: bool,
}

const fn bind(
    scope: Scope,
    keys: &'static [Key],
    action: Intent,
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
            bind(Global, keys, Intent::Show(s.screen), s.sv, s.en, false)
        })
        .collect()
});

/// Every other key.
#[rustfmt::skip]
static BINDINGS: [Binding; 110] = [
    bind(Global, &[Char('/')], Intent::Search, "sök familj", "search families", true),
    bind(Global, &[Char('?')], Intent::Help, "hjälp", "help", true),
    bind(Global, &[Esc], Intent::Back, "tillbaka", "back", false),
    bind(Global, &[Char('q'), Ctrl('c')], Intent::Quit, "avsluta", "quit", true),
    bind(List, &[Down, Char('j')], Intent::Down, "ned", "down", false),
    bind(List, &[Up, Char('k')], Intent::Up, "upp", "up", false),
    bind(List, &[PageDown], Intent::PageDown, "en sida ned", "page down", false),
    bind(List, &[PageUp], Intent::PageUp, "en sida upp", "page up", false),
    bind(List, &[Home, Char('g')], Intent::Top, "först", "first", false),
    bind(List, &[End, Char('G')], Intent::Bottom, "sist", "last", false),
    bind(List, &[Enter], Intent::Open, "öppna", "open", true),
    bind(Today, &[Tab], Intent::NextPane, "besök / att göra", "visits / to do", true),
    bind(Today, &[Char('o')], Intent::RecordOutcome, "registrera utfall", "record outcome", true),
    bind(Today, &[Char('r')], Intent::Rebook, "boka om", "rebook", true),
    bind(Today, &[Char('n')], Intent::Book, "boka besöket", "book the visit", true),
    bind(Today, &[Char('a')], Intent::Today(TodayIntent::RollCall), "närvaro för dagens grupp", "roll call of today's group", true),
    bind(Week, &[Char('[')], Intent::Week(WeekIntent::PrevWeek), "förra veckan", "previous week", true),
    bind(Week, &[Char(']')], Intent::Week(WeekIntent::NextWeek), "nästa vecka", "next week", true),
    bind(Week, &[Char('t')], Intent::Week(WeekIntent::ThisWeek), "denna vecka", "this week", false),
    bind(Week, &[Left, Char('h')], Intent::Week(WeekIntent::PrevDay), "dagen före", "previous day", false),
    bind(Week, &[Right, Char('l')], Intent::Week(WeekIntent::NextDay), "dagen efter", "next day", false),
    bind(Week, &[Char('s')], Intent::Week(WeekIntent::PickStaff), "en persons vecka", "one person's week", true),
    bind(Week, &[Char('c')], Intent::Week(WeekIntent::ExportCalendar), "kalender (aktuell mapp)", "calendar (current folder)", false),
    bind(Week, &[Char('o')], Intent::RecordOutcome, "registrera utfall", "record outcome", false),
    bind(Week, &[Char('r')], Intent::Rebook, "boka om", "rebook", false),
    bind(Week, &[Char('n')], Intent::BookOnDay, "boka på markerad dag", "book on the marked day", true),
    bind(Scope::PickStaff, &[Enter], Intent::Open, "visa personens vecka (tomt: alla)", "show the person's week (empty: everyone)", true),
    bind(Scope::PickStaff, &[Down, Tab], Intent::Down, "nästa träff", "next match", false),
    bind(Scope::PickStaff, &[Up, BackTab], Intent::Up, "förra träffen", "previous match", false),
    bind(Scope::PickStaff, &[Esc], Intent::Back, "avbryt", "cancel", true),
    bind(Scope::PickStaff, &[Ctrl('c')], Intent::Quit, "avsluta", "quit", false),
    bind(Families, &[Char('n')], Intent::New, "ny familj", "new family", true),
    bind(Families, &[Char('a')], Intent::Families(FamiliesIntent::FilterArea), "filter: område", "filter: area", false),
    bind(Families, &[Char('c')], Intent::Families(FamiliesIntent::FilterClinic), "filter: BVC", "filter: clinic", false),
    bind(Families, &[Char('p')], Intent::Families(FamiliesIntent::FilterProgramme), "filter: program", "filter: programme", false),
    bind(Families, &[Char('s')], Intent::Families(FamiliesIntent::FilterStatus), "filter: status", "filter: status", false),
    bind(Families, &[Char('d')], Intent::Families(FamiliesIntent::FilterDue), "att boka/bråttom", "due/closing soon", true),
    bind(Families, &[Char('x')], Intent::Families(FamiliesIntent::ClearFilters), "rensa filter", "clear filters", false),
    bind(Search, &[Enter], Intent::Open, "öppna markerad familj", "open the marked family", true),
    bind(Search, &[Down, Tab], Intent::Down, "ned i listan", "down the list", false),
    bind(Search, &[Up, BackTab], Intent::Up, "upp i listan", "up the list", false),
    bind(Search, &[Esc], Intent::Back, "sluta söka", "stop searching", true),
    bind(Search, &[Ctrl('c')], Intent::Quit, "avsluta", "quit", false),
    bind(FamilyPage, &[Char('n')], Intent::Book, "boka nästa besök", "book the next visit", true),
    bind(FamilyPage, &[Char('e')], Intent::Edit, "ändra familj", "edit family", true),
    bind(FamilyPage, &[Char('c')], Intent::Family(FamilyIntent::AddCaregiver), "ny vårdnadshavare", "add caregiver", true),
    bind(FamilyPage, &[Char('b')], Intent::Family(FamilyIntent::AddChild), "nytt barn", "add child", true),
    bind(FamilyPage, &[Char('C')], Intent::Family(FamilyIntent::EditCaregiver), "ändra vårdnadshavare", "edit caregiver", false),
    bind(FamilyPage, &[Char('B')], Intent::Family(FamilyIntent::EditChild), "ändra barn", "edit child", false),
    bind(FamilyPage, &[Char('s')], Intent::Family(FamilyIntent::RecordConsent), "samtycke", "consent", false),
    bind(FamilyPage, &[Char('a')], Intent::Family(FamilyIntent::Activate), "status: aktiv", "status: active", false),
    bind(FamilyPage, &[Char('d')], Intent::Family(FamilyIntent::Decline), "status: tackat nej", "status: declined", false),
    bind(FamilyPage, &[Char('p')], Intent::Family(FamilyIntent::Pause), "status: vilande", "status: paused", false),
    bind(FamilyPage, &[Char('x')], Intent::Family(FamilyIntent::Exit), "avsluta deltagandet", "end participation", false),
    bind(FamilyPage, &[Char('r')], Intent::Family(FamilyIntent::Reveal), "visa adress (loggas)", "show address (logged)", false),
    bind(Booking, &[Enter], Intent::Open, "boka markerad tid", "book the marked slot", true),
    bind(Booking, &[Char('y')], Intent::Yes, "boka markerad tid utan fråga", "book the marked slot without asking", false),
    bind(Booking, &[Esc], Intent::Back, "stäng", "close", true),
    bind(Booking, &[Char('m')], Intent::BookManually, "boka för hand", "book by hand", true),
    bind(Booking, &[Char('?')], Intent::Help, "hjälp", "help", true),
    bind(Booking, &[Ctrl('c')], Intent::Quit, "avsluta", "quit", false),
    bind(Scope::Groups, &[Char('n')], Intent::New, "ny grupp", "new group", true),
    bind(Scope::Groups, &[Char('a')], Intent::Groups(GroupsIntent::EarlierSeries), "visa/dölj tidigare serier", "show/hide earlier series", false),
    bind(Scope::GroupPage, &[Enter], Intent::Open, "närvaro för markerad träff", "roll call of the marked session", true),
    bind(Scope::GroupPage, &[Char('m')], Intent::Groups(GroupsIntent::AddMembers), "lägg till familjer", "add families", true),
    bind(Scope::GroupPage, &[Char('e')], Intent::Edit, "ändra gruppen", "edit the group", true),
    bind(Scope::GroupPage, &[Char('x')], Intent::Groups(GroupsIntent::RemoveMember), "en familj slutar", "a family leaves", false),
    bind(Scope::RollCall, &[Char('p')], Intent::Groups(GroupsIntent::MarkPresent), "närvarande", "present", true),
    bind(Scope::RollCall, &[Char('a')], Intent::Groups(GroupsIntent::MarkAbsent), "frånvarande", "absent", true),
    bind(Scope::RollCall, &[Char('e')], Intent::Groups(GroupsIntent::MarkExcused), "anmält förhinder", "excused", true),
    bind(Scope::RollCall, &[Char('1')], Intent::Groups(GroupsIntent::OneAdult), "närvarande, en vuxen", "present, one adult", false),
    bind(Scope::RollCall, &[Char('2')], Intent::Groups(GroupsIntent::TwoAdults), "närvarande, två vuxna", "present, two adults", false),
    bind(Scope::RollCall, &[Char('+')], Intent::Groups(GroupsIntent::MoreDropins), "drop-in +1", "drop-ins +1", false),
    bind(Scope::RollCall, &[Char('-')], Intent::Groups(GroupsIntent::FewerDropins), "drop-in −1", "drop-ins −1", false),
    bind(Scope::RollCall, &[Char('h')], Intent::Groups(GroupsIntent::MarkHeld), "träffen genomförd", "session held", false),
    bind(Scope::RollCall, &[Char('c')], Intent::Groups(GroupsIntent::CancelSession), "ställ in träffen (på en inställd: ångra)", "cancel the session (on a cancelled one: undo)", false),
    bind(Scope::RollCall, &[Esc, Enter], Intent::Back, "klar", "done", true),
    bind(Scope::RollCall, &[Char('?')], Intent::Help, "hjälp", "help", true),
    bind(Scope::RollCall, &[Ctrl('c')], Intent::Quit, "avsluta", "quit", false),
    bind(Scope::PickMembers, &[Char(' ')], Intent::Tick, "markera / avmarkera", "tick / untick", true),
    bind(Scope::PickMembers, &[Enter], Intent::Save, "lägg till markerade", "add the ticked", true),
    bind(Scope::PickMembers, &[Esc], Intent::Back, "avbryt", "cancel", true),
    bind(Scope::PickMembers, &[Ctrl('c')], Intent::Quit, "avsluta", "quit", false),
    bind(Staff, &[Char('n')], Intent::New, "ny medarbetare", "new staff member", true),
    bind(Staff, &[Char('e')], Intent::Edit, "ändra", "edit", true),
    bind(Staff, &[Char('/')], Intent::Search, "sök personal", "search staff", true),
    bind(Scope::Report, &[Char('[')], Intent::Report(ReportIntent::PrevQuarter), "förra kvartalet", "previous quarter", true),
    bind(Scope::Report, &[Char(']')], Intent::Report(ReportIntent::NextQuarter), "nästa kvartal", "next quarter", true),
    bind(Scope::Report, &[Char('y')], Intent::Report(ReportIntent::TogglePeriod), "år eller kvartal", "year or quarter", true),
    bind(Scope::Report, &[Char('s')], Intent::Report(ReportIntent::ToggleSent), "som filen skickar den", "as the file sends it", true),
    bind(Scope::Report, &[Tab], Intent::NextPane, "nästa del", "next part", false),
    bind(Scope::Report, &[BackTab], Intent::PrevPane, "förra delen", "previous part", false),
    bind(Scope::Report, &[Char('b')], Intent::Report(ReportIntent::NextBreakdown), "byt indelning", "change breakdown", false),
    bind(Scope::Report, &[Enter], Intent::Open, "rätta markerad post", "fix the marked record", false),
    bind(Scope::Report, &[Char('x')], Intent::Report(ReportIntent::ExportReport), "exportera (aktuell mapp)", "export (current folder)", true),
    bind(StaffSearch, &[Enter], Intent::Open, "ändra markerad person", "edit the marked person", true),
    bind(StaffSearch, &[Down, Tab], Intent::Down, "ned i listan", "down the list", false),
    bind(StaffSearch, &[Up, BackTab], Intent::Up, "upp i listan", "up the list", false),
    bind(StaffSearch, &[Esc], Intent::Back, "sluta söka", "stop searching", true),
    bind(StaffSearch, &[Ctrl('c')], Intent::Quit, "avsluta", "quit", false),
    bind(Form, &[Tab, Down], Intent::NextField, "nästa fält", "next field", true),
    bind(Form, &[BackTab, Up], Intent::PrevField, "förra fältet", "previous field", false),
    bind(Form, &[Enter, Ctrl('s')], Intent::Save, "spara", "save", true),
    bind(Form, &[Esc], Intent::Back, "avbryt", "cancel", true),
    bind(Form, &[Ctrl('c')], Intent::Quit, "avsluta", "quit", false),
    bind(Form, &[Ctrl('d')], Intent::Remove, "ta bort personen (frågar först)", "remove the person (asks first)", false),
    bind(Confirm, &[Char('y'), Char('Y')], Intent::Yes, "ja", "yes", true),
    bind(Confirm, &[Esc], Intent::Back, "stäng frågan, inget ändras (efter en paus: ångrar pausen)", "close the question, nothing changes (after a pause: takes the pause back)", false),
    bind(Help, &[Esc, Char('?'), Char('q')], Intent::Back, "stäng hjälpen", "close help", true),
    bind(Help, &[Ctrl('c')], Intent::Quit, "avsluta", "quit", false),
];

/// A key that edits the text of a field, listed with the form keys in help and the docs. Not
/// a binding: in a text field these keys are typed (`Intent::Type`) and `search_box::edit`
/// does the editing (a test holds the two together).
#[derive(Debug)]
pub struct EditingKey {
    /// `None`: any letter typed.
    pub keys: Option<&'static [Key]>,
    pub sv: &'static str,
    pub en: &'static str,
}

/// The editing keys of every text field: forms, search boxes, choosing a person.
#[rustfmt::skip]
pub static EDITING_KEYS: [EditingKey; 6] = [
    EditingKey { keys: None, sv: "ersätter ett ifyllt fält", en: "replaces a filled-in field" },
    EditingKey { keys: Some(&[Left, Right, Home, End]), sv: "flytta, behåll texten", en: "move, keep the text" },
    EditingKey { keys: Some(&[Key::Backspace]), sv: "radera bakåt", en: "delete back" },
    EditingKey { keys: Some(&[Key::Delete]), sv: "radera framåt", en: "delete forward" },
    EditingKey { keys: Some(&[Ctrl('w')]), sv: "radera ordet före", en: "delete the word before" },
    EditingKey { keys: Some(&[Ctrl('u')]), sv: "töm fältet", en: "clear the field" },
];

impl EditingKey {
    /// The keys as help writes them; letters as "a–ö".
    pub fn label(&self) -> String {
        self.keys.map_or_else(|| "a–ö".to_string(), keys_label)
    }
}

/// Bindings not in the table, as `No` has no row of its own: `n` (or `N`, with Caps Lock)
/// answers no in a question. `Esc` there is `Back`, which is no but for a pause's second
/// question, where it takes the pause back.
static CONFIRM_NO: [Key; 2] = [Char('n'), Char('N')];

/// *Ja*: yes to a question in Swedish, besides `y`. Swedish only: in English it means nothing
/// there, and `j` moves down a list, so a hand still moving is not taken for a yes.
pub const SWEDISH_YES: Key = Char('j');

/// Whether `key` is [`SWEDISH_YES`], with Caps Lock on or off.
pub fn is_swedish_yes(key: Key) -> bool {
    key == SWEDISH_YES || key == Char('J')
}

/// The action for `key` in the given scopes, most specific first.
pub fn action_for(scopes: &[Scope], key: Key) -> Option<Intent> {
    if scopes.contains(&Confirm) && CONFIRM_NO.contains(&key) {
        return Some(Intent::No);
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

/// The keys bound to `intent` in `scope`, in table order (`n` and `N` for `No` in a question).
pub fn keys_for(scope: Scope, intent: &Intent) -> &'static [Key] {
    if scope == Confirm && *intent == Intent::No {
        return &CONFIRM_NO;
    }
    bindings()
        .find(|b| b.scope == scope && b.action == *intent)
        .map_or(&[], |b| b.keys)
}

/// The key bound to `intent` in `scope`, written as help writes it. Prose that names a key
/// ("c adds one") takes it from here, so the text follows the table when a key moves; asking
/// for an intent the scope has no key for is a mistake in that text, and fails the tests.
pub fn key_for(scope: Scope, intent: &Intent) -> String {
    let keys = keys_for(scope, intent);
    debug_assert!(!keys.is_empty(), "no key for {intent:?} in {scope:?}");
    keys.first().map_or_else(String::new, |k| key_label(*k))
}

/// The key a question names for yes: [`SWEDISH_YES`] in Swedish, `y` in English (which also
/// answers in Swedish, for a hand used to it).
pub fn yes_key(lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::Sv => key_label(SWEDISH_YES),
        crate::i18n::Lang::En => key_for(Confirm, &Intent::Yes),
    }
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

    /// The editing keys help lists are the keys a text field edits with, and no action in a
    /// form takes them first.
    #[test]
    fn the_listed_editing_keys_edit_text() {
        for row in &EDITING_KEYS {
            for key in row.keys.unwrap_or(&[Char('a')]) {
                assert!(
                    crate::app::search_box::edit(*key).is_some(),
                    "{key:?} does not edit"
                );
                assert_eq!(action_for(&[Form], *key), None, "{key:?} is an action");
            }
        }
    }

    #[test]
    fn specific_scopes_win_over_global() {
        assert_eq!(action_for(&[Form, Global], Esc), Some(Intent::Back));
        assert_eq!(
            action_for(&[FamilyPage, List, Global], Char('e')),
            Some(Intent::Edit)
        );
        assert_eq!(
            action_for(&[Families, List, Global], Char('q')),
            Some(Intent::Quit)
        );
        assert_eq!(
            action_for(&[Form], Char('q')),
            None,
            "forms take letters as text"
        );
        assert_eq!(action_for(&[Confirm], Char('n')), Some(Intent::No));
    }

    /// Every variant of an intent enum, listed once: the `match` fails to compile when a
    /// variant is added and not listed.
    macro_rules! every {
        ($t:ident: $($v:ident),* $(,)?) => {{
            let all = vec![$($t::$v),*];
            for intent in &all {
                match intent {
                    $($t::$v)|* => {}
                }
            }
            all
        }};
    }

    /// Every intent a key can give: the shared ones, each screen's, one `Show` per screen.
    /// `Type` is the key itself, typed into a text field, and has no row.
    fn every_intent() -> Vec<Intent> {
        use Intent::{
            Back, Book, BookManually, BookOnDay, Bottom, Down, Edit, Help, New, NextField,
            NextPane, No, Open, PageDown, PageUp, PrevField, PrevPane, Quit, Rebook, RecordOutcome,
            Remove, Save, Search, Tick, Top, Up, Yes,
        };
        let mut all = vec![
            Help,
            Back,
            Quit,
            Search,
            Up,
            Down,
            PageUp,
            PageDown,
            Top,
            Bottom,
            Open,
            New,
            Edit,
            NextPane,
            PrevPane,
            Tick,
            NextField,
            PrevField,
            Save,
            Yes,
            No,
            Remove,
            Book,
            BookManually,
            BookOnDay,
            RecordOutcome,
            Rebook,
        ];
        all.extend(every!(TodayIntent: RollCall).into_iter().map(Intent::Today));
        all.extend(
            every!(WeekIntent: PrevWeek, NextWeek, ThisWeek, PrevDay, NextDay, PickStaff, ExportCalendar)
                .into_iter()
                .map(Intent::Week),
        );
        all.extend(
            every!(FamiliesIntent:
                FilterArea, FilterClinic, FilterProgramme, FilterStatus, FilterDue, ClearFilters)
            .into_iter()
            .map(Intent::Families),
        );
        all.extend(
            every!(FamilyIntent:
                Reveal, AddCaregiver, AddChild, RecordConsent, EditCaregiver, EditChild, Activate,
                Decline, Pause, Exit)
            .into_iter()
            .map(Intent::Family),
        );
        all.extend(
            every!(GroupsIntent:
                AddMembers, RemoveMember, MarkPresent, MarkAbsent, MarkExcused, OneAdult,
                TwoAdults, MoreDropins, FewerDropins, MarkHeld, CancelSession, EarlierSeries)
            .into_iter()
            .map(Intent::Groups),
        );
        all.extend(
            every!(ReportIntent:
                PrevQuarter, NextQuarter, NextBreakdown, TogglePeriod, ToggleSent, ExportReport)
            .into_iter()
            .map(Intent::Report),
        );
        all.extend(SCREENS.iter().map(|s| Intent::Show(s.screen)));
        // The top level, matched whole: a new kind of intent fails to compile here.
        for intent in &all {
            match intent {
                Intent::Show(_)
                | Intent::Help
                | Intent::Back
                | Intent::Quit
                | Intent::Search
                | Intent::Up
                | Intent::Down
                | Intent::PageUp
                | Intent::PageDown
                | Intent::Top
                | Intent::Bottom
                | Intent::Open
                | Intent::New
                | Intent::Edit
                | Intent::NextPane
                | Intent::PrevPane
                | Intent::Tick
                | Intent::NextField
                | Intent::PrevField
                | Intent::Save
                | Intent::Yes
                | Intent::No
                | Intent::Remove
                | Intent::Book
                | Intent::BookManually
                | Intent::BookOnDay
                | Intent::RecordOutcome
                | Intent::Rebook
                | Intent::Today(_)
                | Intent::Week(_)
                | Intent::Families(_)
                | Intent::Family(_)
                | Intent::Groups(_)
                | Intent::Report(_) => {}
                Intent::Type(_) => unreachable!("typed keys are not listed"),
            }
        }
        all
    }

    /// Help and the docs come from the table, so an intent without a row would be invisible.
    #[test]
    fn every_user_action_has_a_key() {
        for intent in every_intent() {
            // `No` answers a question with keys that are already in the table (see CONFIRM_NO).
            let bound = bindings().any(|b| b.action == intent)
                || (intent == Intent::No && action_for(&[Confirm], CONFIRM_NO[0]).is_some());
            assert!(bound, "{intent:?} has no key");
        }
    }

    #[test]
    fn labels_are_readable() {
        assert_eq!(keys_label(&[Down, Char('j')]), "↓/j");
        assert_eq!(key_label(Ctrl('s')), "Ctrl-S");
    }
}
