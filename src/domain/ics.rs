//! iCalendar (RFC 5545) text for a staff member's visits, as Outlook and other calendars import
//! it: CRLF lines folded at 75 octets, Europe/Stockholm times, stable UIDs.

use chrono::{Duration, NaiveDateTime};

use super::calendar::stockholm_utc_offset;

/// One visit as it goes into the calendar. The caller decides what may be said: for a
/// protected family, `summary` and `location` carry no name or address.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    pub visit_id: i64,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub summary: String,
    pub location: Option<String>,
    pub description: String,
    pub cancelled: bool,
    /// When the visit last changed (local time): a calendar takes the newer version.
    pub updated: NaiveDateTime,
    /// Changes so far, so that a re-import replaces the older copy.
    pub sequence: u32,
}

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Stockholm",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// TEXT values escape backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Appends one content line, folded so that no line is longer than 75 octets and no UTF-8
/// character is split; continuation lines start with a space.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn local(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

fn utc(t: NaiveDateTime) -> String {
    let utc = t - Duration::hours(stockholm_utc_offset(t));
    format!("{}Z", utc.format("%Y%m%dT%H%M%S"))
}

/// A whole calendar. `name` is the calendar's display name; `instance` tells this database's
/// visits apart from another's, so UIDs stay unique in a calendar fed from two.
pub fn calendar(name: &str, instance: &str, events: &[CalendarEvent]) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//hembesok//hembesok//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    push_line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    push_line(&mut out, "X-WR-TIMEZONE:Europe/Stockholm");
    for line in VTIMEZONE {
        push_line(&mut out, line);
    }
    for e in events {
        let end = e.start + Duration::minutes(i64::from(e.duration_min));
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!("UID:visit-{}-{instance}@hembesok", e.visit_id),
        );
        push_line(&mut out, &format!("DTSTAMP:{}", utc(e.updated)));
        push_line(&mut out, &format!("LAST-MODIFIED:{}", utc(e.updated)));
        push_line(&mut out, &format!("SEQUENCE:{}", e.sequence));
        push_line(
            &mut out,
            &format!("DTSTART;TZID=Europe/Stockholm:{}", local(e.start)),
        );
        push_line(
            &mut out,
            &format!("DTEND;TZID=Europe/Stockholm:{}", local(end)),
        );
        push_line(&mut out, &format!("SUMMARY:{}", escape(&e.summary)));
        if let Some(location) = &e.location {
            push_line(&mut out, &format!("LOCATION:{}", escape(location)));
        }
        push_line(&mut out, &format!("DESCRIPTION:{}", escape(&e.description)));
        push_line(
            &mut out,
            if e.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
        );
        push_line(&mut out, "TRANSP:OPAQUE");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn event() -> CalendarEvent {
        let start = NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        CalendarEvent {
            visit_id: 42,
            start,
            duration_min: 90,
            summary: "Hembesök 2 månader, Familjen Åberg; med tolk".into(),
            location: Some("Centrum, Storgatan 1".into()),
            description: "Ref 2026-001\nPersonal: Anna Sköterska, Bo Rådgivare".into(),
            cancelled: false,
            updated: start,
            sequence: 0,
        }
    }

    #[test]
    fn lines_end_in_crlf_and_are_at_most_75_octets() {
        let mut e = event();
        e.description = "Ö".repeat(200);
        let text = calendar("hembesok – Anna Sköterska", "ab12", &[e]);
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            assert!(!line.contains('\n'));
        }
        // Unfolding gives back the whole value, with no character split.
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("DESCRIPTION:{}", "Ö".repeat(200))));
    }

    #[test]
    fn text_is_escaped_and_times_are_local_with_a_utc_stamp() {
        let text = calendar("x", "ab12", &[event()]);
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains("SUMMARY:Hembesök 2 månader\\, Familjen Åberg\\; med tolk"));
        assert!(
            unfolded
                .contains("DESCRIPTION:Ref 2026-001\\nPersonal: Anna Sköterska\\, Bo Rådgivare")
        );
        assert!(unfolded.contains("DTSTART;TZID=Europe/Stockholm:20261124T100000"));
        assert!(unfolded.contains("DTEND;TZID=Europe/Stockholm:20261124T113000"));
        assert!(
            unfolded.contains("DTSTAMP:20261124T090000Z"),
            "winter time is UTC+1"
        );
        assert!(unfolded.contains("UID:visit-42-ab12@hembesok"));
        assert!(unfolded.contains("BEGIN:VTIMEZONE"));
    }

    #[test]
    fn the_same_visits_give_the_same_bytes() {
        assert_eq!(
            calendar("x", "ab12", &[event()]),
            calendar("x", "ab12", &[event()])
        );
    }
}
