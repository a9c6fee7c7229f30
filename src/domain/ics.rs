//! iCalendar (RFC 5545) text for a staff member's visits, as Outlook and other calendars import
//! it (CRLF lines folded at 75 octets, Europe/Stockholm times, stable UIDs), and the rules that
//! keep a calendar true across exports: what was sent before decides each event's SEQUENCE, and
//! an event that no longer concerns the person is sent once more, cancelled.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};

use super::calendar::stockholm_utc_offset;

/// What an event in a staff member's calendar is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    Visit,
    /// A parent-group session, in the calendars of its leaders.
    Session,
}

impl EventKind {
    pub const ALL: &'static [EventKind] = &[EventKind::Visit, EventKind::Session];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Visit => "visit",
            EventKind::Session => "session",
        }
    }
}

impl std::str::FromStr for EventKind {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        match s {
            "visit" => Ok(EventKind::Visit),
            "session" => Ok(EventKind::Session),
            _ => Err(()),
        }
    }
}

/// An event's UID: the same for every export of it, so a calendar updates it in place.
/// `instance` tells this database's events apart from another's.
pub fn uid(kind: EventKind, id: i64, instance: &str) -> String {
    format!("{}-{id}-{instance}@hembesok", kind.as_str())
}

/// One event as it goes into the calendar. The caller decides what may be said: for a
/// protected family, `summary` and `location` carry no name or address.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEvent {
    pub kind: EventKind,
    pub id: i64,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub summary: String,
    pub location: Option<String>,
    pub description: String,
    pub cancelled: bool,
    /// LAST-MODIFIED and DTSTAMP (local time): when this version was made. It is kept with
    /// what was sent, so an unchanged event gives the same bytes on every export.
    pub modified: NaiveDateTime,
    /// Raised each time the event changes for the person, so a calendar takes the newer copy.
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
            // Text from files may carry control or invisible characters; a calendar gets none
            // but tabs.
            c if super::text::is_control(c) && c != '\t' => {}
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
/// events apart from another's, so UIDs stay unique in a calendar fed from two.
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
        push_line(&mut out, &format!("UID:{}", uid(e.kind, e.id, instance)));
        push_line(&mut out, &format!("DTSTAMP:{}", utc(e.modified)));
        push_line(&mut out, &format!("LAST-MODIFIED:{}", utc(e.modified)));
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

/// A digest of what an event says (times, texts, status), to tell whether it changed since it
/// was sent. FNV-1a over length-prefixed fields: stable across builds and Rust versions, as a
/// new digest for the same event would raise its sequence for nothing.
pub fn digest(e: &CalendarEvent) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |field: &str| {
        let len = (field.len() as u64).to_le_bytes();
        for b in len.iter().chain(field.as_bytes()) {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(e.kind.as_str());
    eat(&e.id.to_string());
    eat(&local(e.start));
    eat(&e.duration_min.to_string());
    eat(&e.summary);
    eat(e.location.as_deref().map_or("\u{0}none", |l| l));
    eat(&e.description);
    eat(if e.cancelled {
        "cancelled"
    } else {
        "confirmed"
    });
    format!("{h:016x}")
}

/// What a person's calendar was last sent of one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentEvent {
    pub kind: EventKind,
    pub event_id: i64,
    pub uid: String,
    pub sequence: u32,
    pub digest: String,
    pub start: NaiveDateTime,
    pub duration_min: u32,
    /// The copy sent was a cancellation.
    pub cancelled: bool,
    pub modified: NaiveDateTime,
}

/// How an event in a file stands against what the person was sent before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Changed,
    /// Sent as cancelled, with a raised sequence.
    Cancelled,
    Unchanged,
}

/// How many events of a file were new, changed, cancelled and as before.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SyncCounts {
    pub new: usize,
    pub changed: usize,
    pub cancelled: usize,
    pub unchanged: usize,
}

impl SyncCounts {
    pub fn add(&mut self, change: Change) {
        match change {
            Change::New => self.new += 1,
            Change::Changed => self.changed += 1,
            Change::Cancelled => self.cancelled += 1,
            Change::Unchanged => self.unchanged += 1,
        }
    }

    #[must_use]
    pub fn plus(self, other: SyncCounts) -> SyncCounts {
        SyncCounts {
            new: self.new + other.new,
            changed: self.changed + other.changed,
            cancelled: self.cancelled + other.cancelled,
            unchanged: self.unchanged + other.unchanged,
        }
    }

    /// Events in the file.
    pub fn events(self) -> usize {
        self.new + self.changed + self.cancelled + self.unchanged
    }
}

/// What goes into a person's file for one event, and what to remember of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Revision {
    /// Not in the file: cancelled before it was ever sent, or its cancellation was sent already.
    Omit,
    /// In the file exactly as last sent; nothing to remember.
    Same(CalendarEvent),
    /// In the file with its first or a raised sequence; `record` is what was sent now.
    Send {
        event: CalendarEvent,
        record: SentEvent,
        change: Change,
    },
}

/// The version of `event` to send to a person who was last sent `sent` (if anything). An event
/// as sent keeps its sequence and its LAST-MODIFIED, so the file keeps its bytes; a changed one
/// gets the next sequence and `now` (never earlier than the last copy) as LAST-MODIFIED.
pub fn revise(
    mut event: CalendarEvent,
    sent: Option<&SentEvent>,
    instance: &str,
    now: NaiveDateTime,
) -> Revision {
    let digest = digest(&event);
    let change = match sent {
        None if event.cancelled => return Revision::Omit,
        None => {
            event.sequence = 0;
            Change::New
        }
        Some(s) if s.digest == digest || (s.cancelled && event.cancelled) => {
            if s.cancelled {
                return Revision::Omit;
            }
            event.sequence = s.sequence;
            event.modified = s.modified;
            return Revision::Same(event);
        }
        Some(s) => {
            event.sequence = s.sequence.saturating_add(1);
            let now = now.with_nanosecond(0).unwrap_or(now);
            event.modified = now.max(s.modified + Duration::seconds(1));
            if event.cancelled {
                Change::Cancelled
            } else {
                Change::Changed
            }
        }
    };
    let record = SentEvent {
        kind: event.kind,
        event_id: event.id,
        uid: uid(event.kind, event.id, instance),
        sequence: event.sequence,
        digest,
        start: event.start,
        duration_min: event.duration_min,
        cancelled: event.cancelled,
        modified: event.modified,
    };
    Revision::Send {
        event,
        record,
        change,
    }
}

/// Where an event sent to a person stands now, when it is not among their events in the days
/// exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The event no longer exists.
    Gone,
    /// The person is no longer on it (another was booked instead).
    NotTheirs,
    Cancelled,
    /// Still theirs, at this time.
    At(NaiveDateTime),
}

/// Why a person's calendar must drop an event it was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withdrawal {
    Removed,
    Reassigned,
    Cancelled,
    /// Moved out of the days exported; the export of the days it moved to brings it back.
    Moved,
}

/// Whether an event sent before (and not cancelled since) must now be sent cancelled. An event
/// that no longer concerns the person is withdrawn whatever days are exported; one that is
/// still theirs only when it was sent for these days and moved out of them.
pub fn withdrawal(
    sent: &SentEvent,
    standing: Standing,
    (from, to): (NaiveDate, NaiveDate),
) -> Option<Withdrawal> {
    let within = |t: NaiveDateTime| (from..=to).contains(&t.date());
    match standing {
        Standing::Gone => Some(Withdrawal::Removed),
        Standing::NotTheirs => Some(Withdrawal::Reassigned),
        Standing::Cancelled => Some(Withdrawal::Cancelled),
        Standing::At(t) if !within(t) && within(sent.start) => Some(Withdrawal::Moved),
        Standing::At(_) => None,
    }
}

/// Names that Windows keeps for devices, whatever the extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A person's name as a file name stem, `Förnamn-Efternamn`: spaces become `-`; separators,
/// characters Windows refuses, control characters and leading dots are dropped; at most 100
/// bytes. Empty when nothing is left.
fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for word in name.split_whitespace() {
        let word: String = word
            .chars()
            .filter(|c| !c.is_control() && !"/\\:*?\"<>|".contains(*c))
            .collect();
        if word.is_empty() {
            continue;
        }
        if !stem.is_empty() {
            stem.push('-');
        }
        stem.push_str(&word);
    }
    let stem = stem
        .trim_start_matches(['.', '-'])
        .trim_end_matches(['.', '-']);
    let mut out = String::new();
    for c in stem.chars() {
        if out.len() + c.len_utf8() > 100 {
            break;
        }
        out.push(c);
    }
    out.trim_end_matches(['.', '-']).to_string()
}

/// Each person's calendar file name, `Förnamn-Efternamn.ics`, from every staff member (active
/// or not) as `(id, name)`. Names that come out alike (ignoring case, as some file systems do)
/// are told apart by the id of all but the earliest-registered, so nobody's file name moves to
/// someone else; an empty or reserved name becomes `staff-ID`.
pub fn file_names(staff: &[(i64, &str)]) -> HashMap<i64, String> {
    let mut sorted: Vec<(i64, &str)> = staff.to_vec();
    sorted.sort_unstable();
    let mut taken: HashSet<String> = HashSet::new();
    let mut out = HashMap::new();
    for (id, name) in sorted {
        let mut stem = file_stem(name);
        if stem.is_empty() || RESERVED.contains(&stem.to_uppercase().as_str()) {
            stem = format!("staff-{id}");
        }
        while taken.contains(&stem.to_lowercase()) {
            stem = format!("{stem}-{id}");
        }
        taken.insert(stem.to_lowercase());
        out.insert(id, format!("{stem}.ics"));
    }
    out
}

#[cfg(test)]
mod tests;
