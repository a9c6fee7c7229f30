//! The report on a small register with known facts (every figure computed by hand), and
//! property tests on random registers.

use chrono::{Days, NaiveDate};

use super::*;
use crate::domain::enums::{
    AttendanceStatus as A, ExitReason, Referral, SessionStatus, VisitStatus as V,
};
use crate::domain::schedule::Window;

mod example;
mod family_present;
mod properties;
mod units;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).unwrap()
}

fn q3() -> crate::domain::period::Period {
    crate::domain::period::Period::quarter("2026Q3").unwrap()
}

fn family(id: i64, area: &str, clinic: &str) -> FamilyRow {
    FamilyRow {
        id,
        area: Some(area.into()),
        clinic: Some(clinic.into()),
        ..FamilyRow::default()
    }
}

/// A window around `date`: `inside` puts the date between earliest and late, else after late.
fn window(date: NaiveDate, inside: bool) -> Window {
    let earliest = date - Days::new(10);
    let late = if inside {
        date + Days::new(10)
    } else {
        date - Days::new(1)
    };
    Window {
        earliest,
        due: earliest,
        late,
        max: late + Days::new(30),
    }
}

fn visit(family_id: i64, visit_no: Option<u32>, status: V, date: NaiveDate) -> VisitRow {
    VisitRow {
        family_id,
        visit_no,
        status,
        date,
        required_roles_met: visit_no.is_some(),
        window: visit_no.map(|_| window(date, true)),
        interpreter_used: false,
        referrals: Vec::new(),
        family_present: None,
    }
}

fn area(name: &str) -> Place {
    Place::Area(Some(name.into()))
}

fn clinic(name: &str) -> Place {
    Place::Clinic(Some(name.into()))
}
