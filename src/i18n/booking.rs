//! Booking in words: why a time cannot be booked, and what to do about it (the words of
//! `domain::booking`'s conflicts).

use super::{Text, labels};
use crate::domain::booking::{BookedFor, Booking, Busy, Conflict, PastStart};
use crate::domain::enums::Weekday;

/// A booking before now, with what to do about it (a reason, as outside the window).
pub fn past_start(p: PastStart) -> Text {
    match p {
        PastStart::EarlierToday(time) => Text::new(
            format!(
                "{} har redan varit i dag; ange ett skäl för att boka ändå",
                time.format("%H:%M")
            ),
            format!(
                "{} has already passed today; give a reason to book it anyway",
                time.format("%H:%M")
            ),
        ),
        PastStart::EarlierDay(day) => Text::new(
            format!("{day} har redan varit; ange ett skäl för att boka ändå"),
            format!("{day} is in the past; give a reason to book it anyway"),
        ),
    }
}

/// A booking conflict with what to do about it.
pub fn conflict(c: &Conflict) -> Text {
    let reason = Text::new(
        "; ange ett skäl för att boka ändå",
        "; give a reason to book it anyway",
    );
    match c {
        Conflict::Holiday(_)
        | Conflict::ClosedEve(_)
        | Conflict::Weekend
        | Conflict::OutsideWindow(_) => {
            let f = conflict_fact(c);
            Text::new(f.sv + &reason.sv, f.en + &reason.en)
        }
        other => conflict_fact(other),
    }
}

/// The booking a clash is with: whose and when, or the line of the file being imported.
fn clash_with(b: &Busy) -> Text {
    let at = b.start.format("%Y-%m-%d %H:%M");
    match (&b.whose, b.booking) {
        (BookedFor::Family(name) | BookedFor::Group(name), _) => {
            let same = format!("{name} {at}");
            Text::new(same.clone(), same)
        }
        (BookedFor::ProtectedFamily, _) => Text::new(
            format!("skyddad familj {at}"),
            format!("protected family {at}"),
        ),
        (BookedFor::FileVisit, Booking::FileRow(line)) => Text::new(
            format!("rad {line} i den här filen"),
            format!("line {line} of this file"),
        ),
        (BookedFor::FileVisit, _) => Text::new(at.to_string(), at.to_string()),
    }
}

/// A booking conflict as a plain fact, without advice (imports, where the way past it is
/// `--allow-conflicts`, not a reason).
pub fn conflict_fact(c: &Conflict) -> Text {
    match c {
        Conflict::RoleMissing(role) => {
            let r = labels::role(*role);
            Text::new(
                format!("ingen {} är bokad; besöket kräver en", r.sv),
                format!("no {} is booked; the programme visit needs one", r.en),
            )
        }
        Conflict::UnknownStaff(id) => Text::new(
            format!("personal {id} finns inte"),
            format!("staff member {id} does not exist"),
        ),
        Conflict::Inactive { name } => Text::new(
            format!("{name} är inte aktiv"),
            format!("{name} is not active"),
        ),
        Conflict::DoubleBooked { name, other } => {
            let other = clash_with(other);
            Text::new(
                format!("{name} är redan bokad då ({})", other.sv),
                format!("{name} is already booked then ({})", other.en),
            )
        }
        Conflict::DayOff { name, day } => Text::new(
            format!("{name} arbetar inte på {}", weekdays_sv(*day)),
            format!("{name} does not work on {}", weekdays_en(*day)),
        ),
        Conflict::OutsideHours { name, hours } => Text::new(
            format!("utanför {name}s arbetstid ({hours})"),
            format!("outside {name}'s working hours ({hours})"),
        ),
        Conflict::Holiday(name) => Text::new(
            format!("{name} är en helgdag"),
            format!("{name} is a public holiday"),
        ),
        Conflict::ClosedEve(name) => Text::new(
            format!("{name} är ledig i praktiken (ingen helgdag enligt lag)"),
            format!("{name} is a day off in practice (not a public holiday by law)"),
        ),
        Conflict::Weekend => Text::new("på en helg", "on a weekend"),
        Conflict::OutsideWindow(w) => Text::new(
            format!("utanför besökets fönster {} till {}", w.earliest, w.max),
            format!("outside the visit's window {} to {}", w.earliest, w.max),
        ),
        Conflict::InterpreterMissing(lang) => Text::new(
            format!("familjen behöver tolk ({lang}) och ingen är bokad"),
            format!("the family needs an interpreter ({lang}) and none is booked"),
        ),
        Conflict::InterpreterLanguage { name, language } => Text::new(
            format!("{name} tolkar inte {language}"),
            format!("{name} does not interpret {language}"),
        ),
    }
}

/// A weekday as "on Mondays".
fn weekdays_en(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Mondays",
        Weekday::Tue => "Tuesdays",
        Weekday::Wed => "Wednesdays",
        Weekday::Thu => "Thursdays",
        Weekday::Fri => "Fridays",
        Weekday::Sat => "Saturdays",
        Weekday::Sun => "Sundays",
    }
}

fn weekdays_sv(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "måndagar",
        Weekday::Tue => "tisdagar",
        Weekday::Wed => "onsdagar",
        Weekday::Thu => "torsdagar",
        Weekday::Fri => "fredagar",
        Weekday::Sat => "lördagar",
        Weekday::Sun => "söndagar",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::Role;

    #[test]
    fn a_conflict_reads_the_same_role_name_as_the_screens() {
        let t = conflict(&Conflict::RoleMissing(Role::Dental));
        assert!(t.sv.contains(&labels::role(Role::Dental).sv), "{}", t.sv);
        assert!(t.en.contains(&labels::role(Role::Dental).en), "{}", t.en);
    }

    #[test]
    fn conflicts_that_a_reason_allows_say_so() {
        let t = conflict(&Conflict::Holiday("Julafton"));
        assert_eq!(
            t.en,
            "Julafton is a public holiday; give a reason to book it anyway"
        );
        assert_eq!(
            t.sv,
            "Julafton är en helgdag; ange ett skäl för att boka ändå"
        );
        let d = conflict(&Conflict::OutsideHours {
            name: "Bo Rådgivare".into(),
            hours: "08:00-16:00".into(),
        });
        assert_eq!(d.sv, "utanför Bo Rådgivares arbetstid (08:00-16:00)");
    }
}
