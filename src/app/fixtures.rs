//! Fixed, fictional data for headless tests and screen snapshots.
use crate::app::{TodayMsg, WeekMsg};

use chrono::{NaiveDate, NaiveDateTime};

use super::family::{self, FamilyPageData};
use super::today::TodayData;
use super::{App, Lang, Text};
use crate::domain::alerts::{Alert, AlertDetail};
use crate::domain::builtin::builtin_programmes;
use crate::domain::enums::{
    ConsentMethod, Eligibility, FamilyStatus, Location, Protection, Role, VisitStatus, Weekday,
};
use crate::domain::identity::compose_number;
use crate::domain::model::{Consent, Staff, WorkHours};
use crate::domain::views::{
    Attendee, Caregiver, ChildDetail, DayVisit, FamilyDetail, FamilyIndexEntry, SessionInfo,
};
use crate::domain::{alerts::AlertKind, timeline::VisitFact};

pub fn today() -> NaiveDate {
    d(2026, 11, 23)
}

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

pub fn at(date: NaiveDate, h: u32, m: u32) -> NaiveDateTime {
    date.and_hms_opt(h, m, 0).unwrap_or_default()
}

fn attendee(id: i64, name: &str, role: Role) -> Attendee {
    Attendee {
        staff_id: id,
        name: name.into(),
        role,
    }
}

fn visit(
    id: i64,
    start: NaiveDateTime,
    family_id: i64,
    family: &str,
    area: &str,
    interpreter: Option<(&str, &str)>,
) -> DayVisit {
    DayVisit {
        visit_id: id,
        start,
        duration_min: 60,
        family_id,
        family_ref: format!("D1-{family_id:05}"),
        family_name: family.into(),
        protection: if family_id == 3 {
            Protection::SkyddadFolkbokforing
        } else {
            Protection::None
        },
        area: Some(area.into()),
        child_name: "Barn".into(),
        visit_no: Some(2),
        status: VisitStatus::Planned,
        location: Location::Home,
        staff: vec![
            attendee(1, "Anna Sköterska", Role::Nurse),
            attendee(2, "Bo Rådgivare", Role::ParentAdvisor),
        ],
        interpreter_language: interpreter.map(|(l, _)| l.to_string()),
        interpreter: interpreter.and_then(|(_, w)| match w {
            "" => None,
            "external" => Some(crate::domain::views::InterpreterBooked::External),
            name => Some(crate::domain::views::InterpreterBooked::Staff(
                name.to_string(),
            )),
        }),
        twins: Vec::new(),
    }
}

pub fn today_data() -> TodayData {
    let visits = vec![
        visit(11, at(today(), 9, 0), 1, "Familjen Åberg", "Centrum", None),
        visit(
            12,
            at(today(), 13, 0),
            2,
            "Familjen Haddad",
            "Norrby",
            Some(("arabiska", "Dalia Tolk")),
        ),
        visit(
            13,
            at(d(2026, 11, 24), 10, 0),
            3,
            "Familjen Skyddad",
            "Söderäng",
            Some(("somaliska", "")),
        ),
    ];
    TodayData {
        date: today(),
        next_day: d(2026, 11, 24),
        counts: vec![
            visits.iter().filter(|v| v.start.date() == today()).count(),
            visits.iter().filter(|v| v.start.date() != today()).count(),
        ],
        offset: 0,
        visits,
        next_session: Some(SessionInfo {
            session_id: 1,
            group_name: "Föräldragrupp Centrum 1".into(),
            start: at(d(2026, 11, 26), 10, 0),
            place: Some("Familjecentralen Ängen".into()),
            theme: Some("Sömn".into()),
            members: 6,
        }),
        today_sessions: Vec::new(),
        unrecorded_sessions: Vec::new(),
    }
}

/// Every alert, as the background read delivers them.
/// A week as the runtime answers it: each day's count and its visits from the first.
pub fn week_data(
    week: crate::domain::calendar::IsoWeek,
    visits: Vec<DayVisit>,
) -> super::week::WeekData {
    use chrono::Datelike;
    let mut counts = [0; 7];
    let mut pages: [super::week::DayPage; 7] = Default::default();
    for v in visits {
        let day = v.start.weekday().num_days_from_monday() as usize;
        counts[day] += 1;
        pages[day].visits.push(v);
    }
    super::week::WeekData {
        query: super::week::WeekQuery {
            week,
            staff: None,
            day: 0,
            from: 0,
        },
        counts,
        pages,
        sessions: Default::default(),
    }
}

/// The week of `today` with today's and tomorrow's visits, and a group session today at 11:00,
/// between the 09:00 and the 13:00 visit.
pub fn week_with_session() -> super::week::WeekData {
    use chrono::Datelike;
    let week = crate::domain::calendar::IsoWeek::of(today());
    let mut data = week_data(week, today_data().visits);
    let day = today().weekday().num_days_from_monday() as usize;
    data.sessions[day].push(super::week::DaySession {
        session: crate::domain::group_views::WeekSession {
            id: 7,
            group: "Föräldragrupp Östra hamnen torsdagar".into(),
            start: at(today(), 11, 0),
            duration_min: 120,
        },
        visits_before: 1,
    });
    data
}

/// The week of `today` loaded with today's and tomorrow's visits, as a loaded Week answers.
pub fn week_loaded(visits: Vec<DayVisit>) -> super::Msg {
    let week = crate::domain::calendar::IsoWeek::of(today());
    super::Msg::Week(WeekMsg::Loaded(Box::new(week_data(week, visits))))
}

pub fn alerts() -> Vec<Alert> {
    let alert = |kind, family_id: i64, family: &str, detail| Alert {
        kind,
        family_id,
        family_ref: format!("D1-{family_id:05}"),
        family_name: family.into(),
        protection: Protection::None,
        area: Some("Centrum".into()),
        detail,
        date: Some(today()),
        visit: None,
    };
    let programme = |visit: &str, visit_en: &str, child: &str, day| AlertDetail::Programme {
        visit: visit.into(),
        visit_en: visit_en.into(),
        child: Some(child.into()),
        day,
        closes: day,
        past_due: false,
    };
    vec![
        alert(
            AlertKind::Overdue,
            4,
            "Familjen Warsame",
            programme(
                "Hembesök 2 månader",
                "Home visit at 2 months",
                "Ifrah",
                d(2026, 11, 25),
            ),
        ),
        alert(
            AlertKind::DueUnbooked,
            5,
            "Familjen Öberg",
            programme(
                "Hembesök 4 månader",
                "Home visit at 4 months",
                "Saga",
                d(2026, 12, 1),
            ),
        ),
        alert(
            AlertKind::InterpreterMissing,
            3,
            "Familjen Skyddad",
            AlertDetail::InterpreterMissing {
                at: at(d(2026, 11, 24), 10, 0),
                language: "somaliska".into(),
            },
        ),
        alert(
            AlertKind::DoubleBooked,
            2,
            "Familjen Haddad",
            AlertDetail::DoubleBooked {
                staff: "Anna Sköterska".into(),
                first: at(d(2026, 11, 23), 13, 0),
                second: at(d(2026, 11, 23), 13, 30),
            },
        ),
    ]
}

/// The six families of the fixtures, each with its phone number.
pub fn index_with_phones() -> Vec<(FamilyIndexEntry, &'static str)> {
    let entry = |id,
                 r: &str,
                 name: &str,
                 carers: &str,
                 area: &str,
                 status,
                 protection,
                 phone: &'static str| {
        (
            FamilyIndexEntry {
                id,
                family_ref: r.into(),
                display_name: name.into(),
                area: Some(area.into()),
                clinic: Some(format!("BVC {area}")),
                status,
                protection,
                programme_id: "goteborg".into(),
                caregivers: carers.into(),
            },
            phone,
        )
    };
    vec![
        entry(
            1,
            "2026-001",
            "Familjen Åberg",
            "Åsa, Erik",
            "Centrum",
            FamilyStatus::Active,
            Protection::None,
            "070-174 06 10",
        ),
        entry(
            2,
            "2026-002",
            "Familjen Haddad",
            "Amina, Ali",
            "Norrby",
            FamilyStatus::Active,
            Protection::None,
            "070-174 06 11",
        ),
        entry(
            3,
            "2026-003",
            "Familjen Skyddad",
            "Hodan",
            "Söderäng",
            FamilyStatus::Active,
            Protection::SkyddadFolkbokforing,
            "",
        ),
        entry(
            4,
            "2026-004",
            "Familjen Warsame",
            "Ubah, Liban",
            "Centrum",
            FamilyStatus::Active,
            Protection::None,
            "070-174 06 12",
        ),
        entry(
            5,
            "2026-005",
            "Familjen Öberg",
            "Sara",
            "Centrum",
            FamilyStatus::Offered,
            Protection::None,
            "070-174 06 13",
        ),
        entry(
            6,
            "2026-006",
            "Familjen Nowak",
            "Agnieszka, Piotr",
            "Norrby",
            FamilyStatus::Completed,
            Protection::None,
            "070-174 06 14",
        ),
    ]
}

/// The six families of the fixtures.
pub fn index() -> Vec<FamilyIndexEntry> {
    index_with_phones().into_iter().map(|(e, _)| e).collect()
}

/// The Families list's first answer: the fixtures' families, all of them on the page.
pub fn families_loaded() -> crate::app::Msg {
    use crate::domain::family_list::{FamilyChoices, FamilyPage, FamilyQuery};
    // In the list's order, as the database lists them.
    let mut rows = index();
    rows.sort_by_key(|e| crate::domain::search::list_key(&e.display_name, e.protection));
    let distinct = |f: fn(&FamilyIndexEntry) -> Option<String>| {
        rows.iter()
            .filter_map(f)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    let choices = FamilyChoices {
        total: rows.len(),
        areas: distinct(|e| e.area.clone()),
        clinics: distinct(|e| e.clinic.clone()),
        programmes: distinct(|e| Some(e.programme_id.clone())),
    };
    let page = FamilyPage {
        query: FamilyQuery::default(),
        count: rows.len(),
        more: false,
        rows,
    };
    crate::app::Msg::Families(crate::app::FamiliesMsg::Loaded(Box::new((choices, page))))
}

/// A protected family with a child whose timeline has every state.
pub fn family_page(protection: Protection) -> FamilyPageData {
    let birth = d(2026, 6, 1);
    let detail = FamilyDetail {
        facts: crate::domain::model::FamilyFacts {
            family_ref: "2026-003".into(),
            display_name: "Familjen Skyddad".into(),
            address: Some("Hemliga vägen 1".into()),
            area: Some("Söderäng".into()),
            clinic: Some("BVC Söderäng".into()),
            phone: Some("070-174 06 99".into()),
            languages: vec!["somaliska".into()],
            interpreter_language: Some("somaliska".into()),
            protection,
            eligibility: Some(Eligibility::FirstChild),
            programme_id: "goteborg".into(),
            status: FamilyStatus::Active,
            offered_on: Some(d(2026, 5, 20)),
            enrolled_on: Some(d(2026, 6, 5)),
            exited_on: None,
            exit_reason: None,
            note: None,
            consent: Some(Consent {
                given_by: "Hodan Exempel".into(),
                scope: "samverkan BVC och socialtjänst".into(),
                given_on: d(2026, 6, 5),
                method: Some(ConsentMethod::Written),
                withdrawn_on: None,
            }),
        },
        id: 3,
        programme_version: 1,
        exit_note: None,
        declined_on: None,
        paused_on: None,
        caregivers: vec![
            Caregiver {
                id: 1,
                data: crate::domain::model::NewCaregiver {
                    name: "Hodan Exempel".into(),
                    relation: Some("mamma".into()),
                    identity: Some(compose_number(d(1995, 4, 2), 123, true)),
                },
            },
            Caregiver {
                id: 2,
                data: crate::domain::model::NewCaregiver {
                    name: "Abdi Exempel".into(),
                    relation: None,
                    identity: None,
                },
            },
        ],
        children: vec![ChildDetail {
            id: 7,
            data: crate::domain::model::NewChild {
                name: "Ifrah Exempel".into(),
                birth_date: birth,
                expected: false,
                first_child: true,
                first_born_in_sweden: false,
                identity: None,
            },
        }],
    };
    let facts = [(
        7,
        vec![
            VisitFact {
                visit_no: Some(1),
                start: at(d(2026, 6, 12), 10, 0),
                status: VisitStatus::Done,
                attended: vec![Role::Nurse, Role::ParentAdvisor],
            },
            VisitFact {
                visit_no: Some(3),
                start: at(d(2026, 11, 30), 13, 0),
                status: VisitStatus::Planned,
                attended: vec![Role::Nurse, Role::ParentAdvisor],
            },
        ],
    )]
    .into_iter()
    .collect();
    family::build(
        detail,
        &facts,
        &builtin_programmes().unwrap_or_default(),
        today().and_hms_opt(9, 0, 0).unwrap_or_default(),
        7,
    )
}

pub fn staff() -> Vec<Staff> {
    let s = |id, name: &str, role, days: &[Weekday], hours: &str, langs: &[&str], active| Staff {
        id,
        data: crate::domain::model::NewStaff {
            name: name.into(),
            role,
            organisation: Some("Regionen".into()),
            languages: langs.iter().map(|l| l.to_string()).collect(),
            work_days: days.to_vec(),
            work_hours: WorkHours::parse(hours).unwrap_or(WorkHours {
                start: chrono::NaiveTime::MIN,
                end: chrono::NaiveTime::MIN,
            }),
            active,
        },
    };
    let all = &Weekday::ALL[..5];
    vec![
        s(
            1,
            "Anna Sköterska",
            Role::Nurse,
            all,
            "08:00-16:30",
            &[],
            true,
        ),
        s(
            2,
            "Bo Rådgivare",
            Role::ParentAdvisor,
            &[Weekday::Mon, Weekday::Tue, Weekday::Thu],
            "08:00-16:00",
            &[],
            true,
        ),
        s(
            3,
            "Dalia Tolk",
            Role::Interpreter,
            all,
            "09:00-17:00",
            &["arabiska", "svenska"],
            true,
        ),
        s(
            4,
            "Elsa Tandvård",
            Role::Dental,
            &[Weekday::Mon, Weekday::Wed, Weekday::Thu, Weekday::Fri],
            "07:30-16:00",
            &[],
            false,
        ),
    ]
}

/// The app on the fixtures, Today loaded, in `lang`.
pub fn app(lang: Lang) -> App {
    let mut app = App::new(
        lang,
        today(),
        vec![
            "rinkeby".into(),
            "goteborg".into(),
            "grastorp".into(),
            "vaxa_tryggt".into(),
            "ordinary".into(),
        ],
    );
    app.receive(super::Msg::Today(TodayMsg::Loaded(Box::new(today_data()))));
    app.receive(super::Msg::Today(TodayMsg::AlertsLoaded(alerts())));
    app
}

/// Three proposed slots for the protected family's 4-month visit.
pub fn booking_plan() -> super::booking::BookingPlan {
    use crate::domain::booking::{Assigned, Candidate};
    let slot = |day: u32, hour: u32, same_area: bool| super::booking::ProposalView {
        candidate: Candidate {
            start: at(d(2026, 11, day), hour, 0),
            duration_min: 60,
            staff: vec![
                Assigned {
                    role: Role::Nurse,
                    staff_id: 1,
                },
                Assigned {
                    role: Role::ParentAdvisor,
                    staff_id: 2,
                },
            ],
            interpreter_staff: None,
            interpreter_external: true,
        },
        people: vec![
            (Role::Nurse, "Anna Sköterska".into()),
            (Role::ParentAdvisor, "Bo Rådgivare".into()),
        ],
        interpreter: Some(crate::domain::views::InterpreterBooked::External),
        same_area,
        twin_trip: false,
    };
    super::booking::BookingPlan {
        family_id: 3,
        child_id: 7,
        // Family 3 is protected: its child is not named over the slots.
        child: crate::i18n::labels::protected_family(),
        visit_no: Some(3),
        visit_name: Text::new("Hembesök 4 månader", "Home visit at 4 months"),
        window: Some(crate::domain::schedule::Window {
            earliest: d(2026, 9, 14),
            due: d(2026, 10, 1),
            late: d(2026, 10, 15),
            max: d(2026, 11, 1),
        }),
        interpreter_language: Some("somaliska".into()),
        rebooking: None,
        booked: None,
        proposals: vec![slot(24, 9, true), slot(24, 13, true), slot(26, 10, false)],
        required_roles: vec![Role::Nurse, Role::ParentAdvisor],
        staff: staff(),
        people: crate::domain::booking::plan::People::Everyone,
        busy: vec![crate::domain::booking::Busy {
            staff_id: 1,
            booking: crate::domain::booking::Booking::Visit(99),
            start: at(d(2026, 11, 25), 10, 0),
            end: at(d(2026, 11, 25), 11, 0),
            whose: crate::domain::booking::BookedFor::Family("Familjen Åberg".into()),
            area: None,
        }],
        twins: Vec::new(),
        now: at(today(), 9, 0),
    }
}
