//! Calendar files: escaping, folding, stable UIDs, sequences and cancellations.

use super::*;
use chrono::NaiveDate;

fn event() -> CalendarEvent {
    let start = NaiveDate::from_ymd_opt(2026, 11, 24)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    CalendarEvent {
        kind: EventKind::Visit,
        id: 42,
        start,
        duration_min: 90,
        summary: "Hembesök 2 månader, Familjen Åberg; med tolk".into(),
        location: Some("Centrum, Storgatan 1".into()),
        description: "Ref 2026-001\nPersonal: Anna Sköterska, Bo Rådgivare".into(),
        cancelled: false,
        modified: start,
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
        unfolded.contains("DESCRIPTION:Ref 2026-001\\nPersonal: Anna Sköterska\\, Bo Rådgivare")
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

fn sent(e: &CalendarEvent) -> SentEvent {
    match revise(e.clone(), None, "ab12", e.start) {
        Revision::Send { record, .. } => record,
        other => panic!("{other:?}"),
    }
}

fn later() -> NaiveDateTime {
    event().start + Duration::days(3)
}

#[test]
fn a_new_event_starts_at_sequence_zero_and_an_unchanged_one_keeps_its_copy() {
    let first = sent(&event());
    assert_eq!(first.sequence, 0);
    assert_eq!(first.uid, "visit-42-ab12@hembesok");
    let mut again = event();
    again.modified = later(); // the visit's row was touched, nothing shown changed
    let Revision::Same(same) = revise(again, Some(&first), "ab12", later()) else {
        panic!()
    };
    assert_eq!((same.sequence, same.modified), (0, event().start));
    assert_eq!(
        calendar("x", "ab12", &[same]),
        calendar("x", "ab12", &[event()])
    );
}

#[test]
fn a_changed_event_gets_the_next_sequence_and_a_later_stamp() {
    let first = sent(&event());
    for change in [
        |e: &mut CalendarEvent| e.start += Duration::hours(2),
        |e: &mut CalendarEvent| e.location = None,
        |e: &mut CalendarEvent| e.description.push_str(", Cecilia"),
    ] {
        let mut moved = event();
        change(&mut moved);
        let Revision::Send {
            event,
            record,
            change,
        } = revise(moved, Some(&first), "ab12", later())
        else {
            panic!()
        };
        assert_eq!((event.sequence, change), (1, Change::Changed));
        assert_eq!(record.modified, later());
        assert_ne!(record.digest, first.digest);
    }
    // A clock behind the last copy still gives a later LAST-MODIFIED.
    let mut moved = event();
    moved.start += Duration::hours(1);
    let Revision::Send { record, .. } = revise(
        moved,
        Some(&first),
        "ab12",
        event().start - Duration::days(9),
    ) else {
        panic!()
    };
    assert_eq!(record.modified, first.modified + Duration::seconds(1));
}

#[test]
fn a_cancellation_is_sent_once_and_only_for_what_was_sent() {
    let mut cancelled = event();
    cancelled.cancelled = true;
    assert_eq!(
        revise(cancelled.clone(), None, "ab12", later()),
        Revision::Omit
    );
    let first = sent(&event());
    let Revision::Send { record, change, .. } =
        revise(cancelled.clone(), Some(&first), "ab12", later())
    else {
        panic!()
    };
    assert_eq!((record.sequence, change), (1, Change::Cancelled));
    assert!(record.cancelled);
    cancelled.summary.push_str(" (edited)");
    assert_eq!(
        revise(cancelled, Some(&record), "ab12", later()),
        Revision::Omit
    );
    // Booked again after the cancellation: it comes back above the cancellation.
    let Revision::Send { event, change, .. } = revise(event(), Some(&record), "ab12", later())
    else {
        panic!()
    };
    assert_eq!((event.sequence, change), (2, Change::Changed));
}

#[test]
fn an_event_is_withdrawn_when_it_no_longer_concerns_the_person() {
    let s = sent(&event());
    let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let week = (monday, monday + Duration::days(6));
    let next = (monday + Duration::days(7), monday + Duration::days(13));
    assert_eq!(
        withdrawal(&s, Standing::Gone, next),
        Some(Withdrawal::Removed)
    );
    assert_eq!(
        withdrawal(&s, Standing::NotTheirs, next),
        Some(Withdrawal::Reassigned)
    );
    assert_eq!(
        withdrawal(&s, Standing::Cancelled, week),
        Some(Withdrawal::Cancelled)
    );
    let to_next_week = Standing::At(s.start + Duration::days(7));
    assert_eq!(withdrawal(&s, to_next_week, week), Some(Withdrawal::Moved));
    // Exporting another week leaves an event of this week alone.
    assert_eq!(
        withdrawal(&s, Standing::At(s.start + Duration::days(1)), next),
        None
    );
}

#[test]
fn file_names_are_safe_and_never_shared() {
    let names = file_names(&[
        (3, "Anna Sköterska"),
        (1, "anna  sköterska"),
        (4, "../../etc/passwd"),
        (5, ".hidden: name?"),
        (6, "  "),
        (7, "con"),
        (8, "Line\u{7}\nBreak"),
    ]);
    assert_eq!(names[&1], "anna-sköterska.ics");
    assert_eq!(names[&3], "Anna-Sköterska-3.ics");
    assert_eq!(names[&4], "etcpasswd.ics");
    assert_eq!(names[&5], "hidden-name.ics");
    assert_eq!(names[&6], "staff-6.ics");
    assert_eq!(names[&7], "staff-7.ics");
    assert_eq!(names[&8], "Line-Break.ics");
    let long = "Å".repeat(300);
    let names = file_names(&[(1, long.as_str())]);
    assert!(names[&1].len() <= 104 && names[&1].starts_with('Å'));
}

#[test]
fn control_characters_never_reach_the_file() {
    let mut e = event();
    e.summary = "Besök\u{1b}[31m\u{7}".into();
    let text = calendar("x", "ab12", &[e]);
    assert!(text.contains("SUMMARY:Besök[31m\r\n"));
}
