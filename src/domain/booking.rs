//! Booking rules: what is wrong with a proposed visit time, and the next feasible slots.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::calendar::{holiday_on, is_weekend};
use super::enums::{Role, Weekday};
use super::language;
use super::model::Staff;
use super::schedule::Window;

pub mod plan;

/// What holds someone's time: a stored visit, a stored group session, or a row of a file being
/// imported (by its line), each by its own kind of id so that none is taken for another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Booking {
    Visit(i64),
    Session(i64),
    FileRow(u64),
}

impl Booking {
    /// Whether it is a group session's, stored or in a file.
    pub fn is_session(self) -> bool {
        matches!(self, Booking::Session(_))
    }
}

/// Whose a booking is, as a clash names it: a protected family is never named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookedFor {
    Family(String),
    ProtectedFamily,
    /// A parent group's session, by the group's name.
    Group(String),
    /// A visit of a file being imported: its line says which.
    FileVisit,
}

/// Someone's existing booking, for finding clashes.
#[derive(Debug, Clone, PartialEq)]
pub struct Busy {
    pub staff_id: i64,
    pub booking: Booking,
    pub start: NaiveDateTime,
    pub end: NaiveDateTime,
    /// Whose it is, for the message.
    pub whose: BookedFor,
    pub area: Option<String>,
}

/// Who would attend, in which role.
#[derive(Debug, Clone, PartialEq)]
pub struct Assigned {
    pub role: Role,
    pub staff_id: i64,
}

/// A proposed booking, as typed or proposed.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub start: NaiveDateTime,
    pub duration_min: u32,
    pub staff: Vec<Assigned>,
    /// A staff interpreter; `None` with a language needed means external or not yet booked.
    pub interpreter_staff: Option<i64>,
    pub interpreter_external: bool,
}

impl Candidate {
    /// A visit as the booking it is: when, how long, who goes and who interprets.
    pub fn of_visit(v: &crate::domain::model::NewVisit) -> Candidate {
        use crate::domain::model::Interpreter;
        Candidate {
            start: v.start,
            duration_min: v.duration_min,
            staff: v
                .staff
                .iter()
                .map(|s| Assigned {
                    role: s.role,
                    staff_id: s.staff_id,
                })
                .collect(),
            interpreter_staff: match v.interpreter {
                Interpreter::Staff(id) => Some(id),
                Interpreter::None | Interpreter::External => None,
            },
            interpreter_external: v.interpreter == Interpreter::External,
        }
    }

    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::minutes(i64::from(self.duration_min))
    }
}

/// The facts a booking is checked against.
#[derive(Debug, Clone, Copy)]
pub struct BookingRules<'a> {
    /// The roles the programme visit requires (empty for an extra visit).
    pub required_roles: &'a [Role],
    pub window: Option<Window>,
    pub staff: &'a [Staff],
    pub busy: &'a [Busy],
    /// The family's interpreter language, if it needs one.
    pub interpreter_language: Option<&'a str>,
    /// The visit being moved, whose own booking is no clash.
    pub rebooking: Option<i64>,
    /// Historic visits skip the working-hours check (imports of past visits).
    pub check_hours: bool,
}

/// One thing wrong with a booking.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    RoleMissing(Role),
    UnknownStaff(i64),
    Inactive {
        name: String,
    },
    DoubleBooked {
        name: String,
        /// The booking it clashes with (boxed: a refusal travels by value).
        other: Box<Busy>,
    },
    DayOff {
        name: String,
        day: Weekday,
    },
    OutsideHours {
        name: String,
        hours: String,
    },
    /// A public holiday by law.
    Holiday(&'static str),
    /// A day off by custom, not by law (midsommarafton, julafton, nyårsafton).
    ClosedEve(&'static str),
    Weekend,
    OutsideWindow(Window),
    InterpreterMissing(String),
    InterpreterLanguage {
        name: String,
        language: String,
    },
}

impl Conflict {
    /// Outside the window, on a weekend or on a holiday: allowed with a reason, which is kept.
    /// The other conflicts are not meant to be booked through (an import may still take them
    /// with --allow-conflicts).
    pub fn needs_reason(&self) -> bool {
        matches!(
            self,
            Conflict::OutsideWindow(_)
                | Conflict::Weekend
                | Conflict::Holiday(_)
                | Conflict::ClosedEve(_)
        )
    }
}

/// A booking that starts before now. Booked by hand only with a reason, as a time outside the
/// window is: a visit noted afterwards is fine, a slip of the date is not. The check lives apart
/// from [`check_booking`] because imports of past visits are the rule, not a slip.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PastStart {
    /// Today, at a time already gone.
    EarlierToday(NaiveTime),
    /// A day before today.
    EarlierDay(NaiveDate),
}

impl PastStart {
    /// Like a time outside the window: allowed with a reason, which is kept.
    pub fn needs_reason(self) -> bool {
        true
    }
}

/// Whether a booking at `start` lies before `now` (the domain has no clock: `now` is given).
pub fn past_start(start: NaiveDateTime, now: NaiveDateTime) -> Option<PastStart> {
    if start >= now {
        None
    } else if start.date() == now.date() {
        Some(PastStart::EarlierToday(start.time()))
    } else {
        Some(PastStart::EarlierDay(start.date()))
    }
}

fn overlaps(a_start: NaiveDateTime, a_end: NaiveDateTime, b: &Busy) -> bool {
    a_start < b.end && b.start < a_end
}

/// Whether `person` works on the day and through the whole visit.
fn hours_conflict(person: &Staff, start: NaiveDateTime, end: NaiveDateTime) -> Option<Conflict> {
    let day = Weekday::from_chrono(start.weekday());
    if !person.work_days.contains(&day) {
        return Some(Conflict::DayOff {
            name: person.name.clone(),
            day,
        });
    }
    let same_day = end.date() == start.date() || end.time() == NaiveTime::MIN;
    if start.time() < person.work_hours.start || !same_day || end.time() > person.work_hours.end {
        return Some(Conflict::OutsideHours {
            name: person.name.clone(),
            hours: person.work_hours.to_text(),
        });
    }
    None
}

/// Everything wrong with booking `c`, in the order a coordinator would fix it.
pub fn check_booking(c: &Candidate, rules: &BookingRules<'_>) -> Vec<Conflict> {
    let mut out = Vec::new();
    for role in rules.required_roles {
        if !c.staff.iter().any(|a| a.role == *role) {
            out.push(Conflict::RoleMissing(*role));
        }
    }
    let date = c.start.date();
    if let Some(h) = holiday_on(date) {
        out.push(if h.public {
            Conflict::Holiday(h.name)
        } else {
            Conflict::ClosedEve(h.name)
        });
    } else if is_weekend(date) {
        out.push(Conflict::Weekend);
    }
    if let Some(w) = rules.window
        && !w.contains(date)
    {
        out.push(Conflict::OutsideWindow(w));
    }
    let (start, end) = (c.start, c.end());
    let people = c
        .staff
        .iter()
        .map(|a| a.staff_id)
        .chain(c.interpreter_staff);
    for id in people {
        let Some(person) = rules.staff.iter().find(|s| s.id == id) else {
            out.push(Conflict::UnknownStaff(id));
            continue;
        };
        if !person.active {
            out.push(Conflict::Inactive {
                name: person.name.clone(),
            });
        }
        if let Some(clash) = rules.busy.iter().find(|b| {
            b.staff_id == id
                && rules
                    .rebooking
                    .is_none_or(|v| b.booking != Booking::Visit(v))
                && overlaps(start, end, b)
        }) {
            out.push(Conflict::DoubleBooked {
                name: person.name.clone(),
                other: Box::new(clash.clone()),
            });
        }
        if rules.check_hours {
            out.extend(hours_conflict(person, start, end));
        }
    }
    if let Some(lang) = rules.interpreter_language {
        match c
            .interpreter_staff
            .and_then(|id| rules.staff.iter().find(|s| s.id == id))
        {
            Some(i) if !i.languages.iter().any(|l| language::same(l, lang)) => {
                out.push(Conflict::InterpreterLanguage {
                    name: i.name.clone(),
                    language: lang.to_string(),
                });
            }
            Some(_) => {}
            None if c.interpreter_external => {}
            None => out.push(Conflict::InterpreterMissing(lang.to_string())),
        }
    }
    out
}

/// A feasible booking the proposer found.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub candidate: Candidate,
    /// The same staff already visit the family's area that day.
    pub same_area: bool,
    /// A twin's booked visit of the same number: booking it makes one trip of both.
    pub twin_trip: bool,
}

/// What the proposer needs beyond the rules.
#[derive(Debug, Clone, Copy)]
pub struct ProposalRequest<'a> {
    pub rules: BookingRules<'a>,
    pub duration_min: u32,
    /// Proposals start no earlier than this.
    pub from: NaiveDateTime,
    /// The family's area, to cluster a team's visits.
    pub area: Option<&'a str>,
    /// Staff who have visited the family before, tried first for continuity.
    pub preferred: &'a [i64],
    pub count: usize,
}

/// Start times tried on each day, every half hour of an office day.
fn times() -> impl Iterator<Item = NaiveTime> {
    (16..=32).filter_map(|half| NaiveTime::from_hms_opt(half / 2, (half % 2) * 30, 0))
}

/// How many days past the earliest choices the proposer looks for a day when the same staff
/// already visit the family's area: a week, so the team's usual day there is found.
const AREA_LOOKAHEAD_DAYS: u64 = 7;

/// The next feasible slots inside the window: every required role free together within working
/// hours, an interpreter of the right language (a staff one if one is free, else external),
/// not on a weekend or holiday. Days where the same staff already visit the family's area come
/// first (up to a week past the earliest choices), then the rest, each earliest first; the same
/// input always gives the same answer.
pub fn propose(req: &ProposalRequest<'_>) -> Vec<Proposal> {
    let Some(window) = req.rules.window else {
        return Vec::new();
    };
    let first_day = window.earliest.max(req.from.date());
    let mut found: Vec<Proposal> = Vec::new();
    let mut day = first_day;
    // Look a week beyond the point where enough slots exist, so that an area day there can
    // still come first.
    let mut stop: Option<NaiveDate> = None;
    while day <= window.max && stop.is_none_or(|s| day <= s) {
        if !is_weekend(day) && holiday_on(day).is_none() {
            for time in times() {
                let start = day.and_time(time);
                if start < req.from {
                    continue;
                }
                if let Some(p) = slot_at(req, start) {
                    found.push(p);
                }
            }
        }
        let distinct = {
            let mut keys: Vec<(NaiveDate, &Vec<Assigned>)> = found
                .iter()
                .map(|p| (p.candidate.start.date(), &p.candidate.staff))
                .collect();
            keys.sort_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| format!("{:?}", a.1).cmp(&format!("{:?}", b.1)))
            });
            keys.dedup();
            keys.len()
        };
        if stop.is_none() && distinct >= req.count {
            stop = day.checked_add_days(chrono::Days::new(AREA_LOOKAHEAD_DAYS));
        }
        let Some(next) = day.succ_opt() else { break };
        day = next;
    }
    // Without any area day, this is the earliest five choices: an area day only reorders.
    found.sort_by_key(|p| (!p.same_area, p.candidate.start));
    // One proposal per day and team, so five proposals are five real choices.
    let mut out: Vec<Proposal> = Vec::new();
    for p in found {
        let same_choice = out.iter().any(|q| {
            q.candidate.start.date() == p.candidate.start.date()
                && q.candidate.staff == p.candidate.staff
        });
        if !same_choice {
            out.push(p);
        }
        if out.len() == req.count {
            break;
        }
    }
    out
}

/// The staff that can take `role` at `start`, preferred people first, then by id.
fn available<'a>(
    req: &ProposalRequest<'a>,
    role: Role,
    start: NaiveDateTime,
    end: NaiveDateTime,
    taken: &[i64],
) -> Vec<&'a Staff> {
    let mut people: Vec<&Staff> = req
        .rules
        .staff
        .iter()
        .filter(|s| s.role == role && s.active && !taken.contains(&s.id))
        .filter(|s| hours_conflict(s, start, end).is_none())
        .filter(|s| {
            !req.rules.busy.iter().any(|b| {
                b.staff_id == s.id
                    && req
                        .rules
                        .rebooking
                        .is_none_or(|v| b.booking != Booking::Visit(v))
                    && overlaps(start, end, b)
            })
        })
        .collect();
    people.sort_by_key(|s| (!req.preferred.contains(&s.id), s.id));
    people
}

fn slot_at(req: &ProposalRequest<'_>, start: NaiveDateTime) -> Option<Proposal> {
    let end = start + Duration::minutes(i64::from(req.duration_min));
    let mut staff = Vec::new();
    let mut taken = Vec::new();
    for role in req.rules.required_roles {
        let person = *available(req, *role, start, end, &taken).first()?;
        taken.push(person.id);
        staff.push(Assigned {
            role: *role,
            staff_id: person.id,
        });
    }
    let (interpreter_staff, interpreter_external) = match req.rules.interpreter_language {
        None => (None, false),
        Some(lang) => {
            let interpreter = available(req, Role::Interpreter, start, end, &taken)
                .into_iter()
                .find(|s| s.languages.iter().any(|l| language::same(l, lang)));
            match interpreter {
                Some(i) => (Some(i.id), false),
                None => (None, true),
            }
        }
    };
    let candidate = Candidate {
        start,
        duration_min: req.duration_min,
        staff,
        interpreter_staff,
        interpreter_external,
    };
    let same_area = req.area.is_some_and(|area| {
        req.rules.busy.iter().any(|b| {
            b.start.date() == start.date()
                && b.area.as_deref() == Some(area)
                && candidate.staff.iter().any(|a| a.staff_id == b.staff_id)
        })
    });
    Some(Proposal {
        candidate,
        same_area,
        twin_trip: false,
    })
}

#[cfg(test)]
mod tests;
