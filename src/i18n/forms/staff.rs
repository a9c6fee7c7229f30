//! The staff form: a person's role, working days and hours.

use crate::domain::enums::{UnknownValue, Weekday};
use crate::i18n::{Lang, Text, Words, screens};

pub const NEW_STAFF: Words = Words::new("Ny medarbetare", "New staff member");

/// Editing a person: the id is what `hembesok calendar --staff` takes.
pub fn edit_staff_title(name: &str, id: i64) -> Text {
    Text::new(
        format!("Ändra {name} (id {id})"),
        format!("Edit {name} (id {id})"),
    )
}

pub const STAFF_LANGUAGES_HINT: Words = Words::new(
    "tolkens språk, med komma emellan",
    "an interpreter's languages, separated by commas",
);
pub const WORK_DAYS: Words = Words::new("Arbetsdagar", "Working days");
pub const WORK_DAYS_HINT: Words = Words::new(
    "t.ex. mån-fre eller mån, tis, tor",
    "e.g. mon-fri or mon, tue, thu",
);
pub const WORK_HOURS: Words = Words::new("Arbetstid", "Working hours");
pub const WORK_HOURS_HINT: Words = Words::new("t.ex. 08:00-16:30", "e.g. 08:00-16:30");
pub const NO_WORK_DAY: Words = Words::new("ange minst en dag", "name at least one day");

/// A working day as the form writes it, in the user's language (both are read back): the
/// screens' short name in Swedish, the stored code in English.
pub fn work_day(day: Weekday, lang: Lang) -> &'static str {
    match lang {
        Lang::En => day.as_str(),
        Lang::Sv => screens::weekday(chrono_day(day)).sv,
    }
}

fn chrono_day(day: Weekday) -> chrono::Weekday {
    match day {
        Weekday::Mon => chrono::Weekday::Mon,
        Weekday::Tue => chrono::Weekday::Tue,
        Weekday::Wed => chrono::Weekday::Wed,
        Weekday::Thu => chrono::Weekday::Thu,
        Weekday::Fri => chrono::Weekday::Fri,
        Weekday::Sat => chrono::Weekday::Sat,
        Weekday::Sun => chrono::Weekday::Sun,
    }
}

/// A word in the working days that is no day.
pub fn not_a_day(e: &UnknownValue) -> Text {
    Text::new(
        format!(
            "\"{}\" är ingen dag; skriv t.ex. mån-fre eller mån, tis, tor",
            e.value
        ),
        format!(
            "\"{}\" is not a day; write e.g. mon-fri or mon, tue, thu",
            e.value
        ),
    )
}

/// Working hours that do not read: `why` is `WorkHours::parse`'s own (English) account.
pub fn bad_work_hours(why: String) -> Text {
    Text::new("skriv arbetstiden som 08:00-16:30", why)
}
