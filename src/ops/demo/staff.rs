//! Demo staff: nurse and parent-advisor teams per area, therapists, dental staff, interpreters.

use std::collections::HashSet;

use crate::db::Result;

use super::names::{Names, pick, weighted};
use crate::db::WriteTx;
use crate::domain::enums::{Role, Weekday};
use crate::domain::model::{NewStaff, Staff, WorkHours};

/// The staff a demo run created, by what they do.
#[derive(Debug, Default)]
pub struct Roster {
    /// (nurse, parent advisor, area index) per team.
    pub teams: Vec<(Staff, Staff, usize)>,
    pub therapists: Vec<Staff>,
    pub dental: Vec<Staff>,
    pub interpreters: Vec<Staff>,
    pub others: Vec<Staff>,
}

impl Roster {
    pub fn len(&self) -> usize {
        self.teams.len() * 2
            + self.therapists.len()
            + self.dental.len()
            + self.interpreters.len()
            + self.others.len()
    }
}

struct Namer {
    used: HashSet<String>,
}

impl Namer {
    fn name(&mut self, rng: &mut fastrand::Rng, names: &Names) -> String {
        let weights: Vec<u32> = names
            .group
            .iter()
            .map(|g| if g.interpreter == 0 { 60 } else { g.weight })
            .collect();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let g = &names.group[weighted(rng, &weights)];
            let mut name = format!("{} {}", pick(rng, &g.given), pick(rng, &g.surnames));
            if attempt > 4 {
                // Insert an initial once the plain combinations run short (region scale).
                let initial = char::from(b'A' + rng.u8(..26));
                name = format!(
                    "{} {initial}. {}",
                    pick(rng, &g.given),
                    pick(rng, &g.surnames)
                );
            }
            if attempt > 50 {
                // Past about 400,000 families one initial runs out too (about 34,000 names
                // for the 65,000 staff of 1,000,000 families): a second one. Never reached
                // below that, so smaller demos stay the same for the same seed.
                let second = char::from(b'A' + rng.u8(..26));
                name = name.replacen(". ", &format!(". {second}. "), 1);
            }
            if self.used.insert(name.to_lowercase()) {
                return name;
            }
        }
    }
}

fn hours(rng: &mut fastrand::Rng) -> WorkHours {
    let (start, end) = match rng.u8(..20) {
        0..=11 => ("08:00", "16:30"),
        12..=16 => ("07:30", "16:00"),
        _ => ("09:00", "17:00"),
    };
    WorkHours::parse(&format!("{start}-{end}")).unwrap_or(WorkHours {
        start: chrono::NaiveTime::MIN,
        end: chrono::NaiveTime::MIN,
    })
}

fn days(rng: &mut fastrand::Rng) -> Vec<Weekday> {
    let all = &Weekday::ALL[..5];
    if rng.u8(..10) < 8 {
        return all.to_vec();
    }
    // Part time: drop one or two weekdays.
    let mut days = all.to_vec();
    for _ in 0..rng.usize(1..=2) {
        days.remove(rng.usize(..days.len()));
    }
    days
}

pub fn create(
    tx: &WriteTx<'_>,
    rng: &mut fastrand::Rng,
    names: &Names,
    families: u32,
) -> Result<Roster> {
    let mut namer = Namer {
        used: tx
            .list_staff()?
            .into_iter()
            .map(|s| s.name.to_lowercase())
            .collect(),
    };
    let mut add = |rng: &mut fastrand::Rng,
                   role: Role,
                   organisation: &str,
                   languages: Vec<String>|
     -> Result<Staff> {
        let new = NewStaff {
            name: namer.name(rng, names),
            role,
            organisation: Some(organisation.to_string()),
            languages,
            work_days: days(rng),
            work_hours: hours(rng),
            active: true,
        };
        let id = tx.insert_staff(&new)?;
        Ok(Staff { id, data: new })
    };
    let mut roster = Roster::default();
    let team_count = (families / 40).max(names.areas.len() as u32) as usize;
    for t in 0..team_count {
        let nurse = add(rng, Role::Nurse, "Regionen, barnhälsovården", vec![])?;
        let advisor = add(
            rng,
            Role::ParentAdvisor,
            "Socialtjänsten, förebyggande enheten",
            vec![],
        )?;
        roster.teams.push((nurse, advisor, t % names.areas.len()));
    }
    for _ in 0..(families / 150).max(2) {
        roster.therapists.push(add(
            rng,
            Role::FamilyTherapist,
            "Socialtjänsten, familjebehandling",
            vec![],
        )?);
    }
    for _ in 0..(families / 300).max(2) {
        roster
            .dental
            .push(add(rng, Role::Dental, "Folktandvården", vec![])?);
    }
    for g in names.group.iter().filter(|g| g.interpreter > 0) {
        let needed =
            (u64::from(families) * u64::from(g.weight) * u64::from(g.interpreter) / 100 / 100 / 80)
                .max(1);
        for _ in 0..needed {
            let languages = vec![g.language.clone(), "svenska".to_string()];
            roster
                .interpreters
                .push(add(rng, Role::Interpreter, "Tolkförmedlingen", languages)?);
        }
    }
    roster.others.push(add(
        rng,
        Role::Other,
        "Familjecentralen, samordnare",
        vec![],
    )?);
    Ok(roster)
}
