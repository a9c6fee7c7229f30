//! The places a fact counts at, found once per unit rather than once per fact: a region has a
//! few hundred units (area × clinic × programme × eligibility) and hundreds of thousands of
//! facts. Each family is given its unit's number; the counting adds to units, and only the
//! sums are spread to places (`aggregate`).

use foldhash::{HashMap, HashMapExt, HashSet};

use super::Place;
use super::rows::{FamilyRow, ReportInput, UnitRow};
use crate::domain::enums::Eligibility;

/// A unit's number among `Units`.
pub type UnitId = u32;

/// What makes a unit: a family's area, clinic, programme and eligibility, or a group's area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key<'a> {
    Family(
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<Eligibility>,
    ),
    Group(Option<&'a str>),
}

impl Key<'_> {
    fn of_family(u: &UnitRow) -> Key<'_> {
        Key::Family(
            u.area.as_deref(),
            u.clinic.as_deref(),
            u.programme.as_deref(),
            u.eligibility,
        )
    }

    /// The municipality first, then the unit's own places.
    fn places(self) -> Vec<Place> {
        let text = |s: Option<&str>| s.map(str::to_string);
        match self {
            Key::Family(area, clinic, programme, eligibility) => vec![
                Place::Municipality,
                Place::Area(text(area)),
                Place::Clinic(text(clinic)),
                Place::Programme(text(programme)),
                Place::Eligibility(eligibility.map(|e| e.as_str().to_string())),
            ],
            Key::Group(area) => vec![Place::Municipality, Place::Area(text(area))],
        }
    }
}

/// Where a visit whose family the input lacks counts: nowhere recorded.
const UNRECORDED: Key<'static> = Key::Family(None, None, None, None);

/// The units of one period's input, and which family is where.
#[derive(Debug)]
pub struct Units<'a> {
    ids: HashMap<Key<'a>, UnitId>,
    /// Each unit's places, the municipality first; a family's unit has five, a group's two.
    places: Vec<Vec<Place>>,
    /// Which of them are families' units (groups have an area, not a clinic or programme).
    of_families: Vec<bool>,
    /// The input's families by id: the row and its unit.
    families: HashMap<i64, (&'a FamilyRow, UnitId)>,
}

impl<'a> Units<'a> {
    /// The units of every family of the input, of the register's other families and of every
    /// group; and the all-unrecorded ones where a visit's family or a session's group is not in
    /// the input (those count with no area, clinic, programme or eligibility).
    pub fn of(input: &'a ReportInput) -> Self {
        let mut units = Units {
            ids: HashMap::new(),
            places: Vec::new(),
            of_families: Vec::new(),
            families: HashMap::with_capacity(input.families.len()),
        };
        for f in &input.families {
            let unit = units.id(Key::Family(
                f.area.as_deref(),
                f.clinic.as_deref(),
                f.programme.as_deref(),
                f.eligibility,
            ));
            units.families.insert(f.id, (f, unit));
        }
        for u in &input.units {
            units.id(Key::of_family(u));
        }
        if input
            .visits
            .iter()
            .any(|v| !units.families.contains_key(&v.family_id))
        {
            units.id(UNRECORDED);
        }
        let groups: HashSet<i64> = input.groups.iter().map(|g| g.id).collect();
        for g in &input.groups {
            units.id(Key::Group(g.area.as_deref()));
        }
        if input.sessions.iter().any(|s| !groups.contains(&s.group_id)) {
            units.id(Key::Group(None));
        }
        units
    }

    fn id(&mut self, key: Key<'a>) -> UnitId {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = UnitId::try_from(self.places.len()).unwrap_or(UnitId::MAX);
        self.places.push(key.places());
        self.of_families.push(matches!(key, Key::Family(..)));
        self.ids.insert(key, id);
        id
    }

    /// The family by id, if the input has it, and the unit its facts count at: for a family the
    /// input lacks, the all-unrecorded unit, which `of` makes when one of the input's visits
    /// lacks its family (a report read from the database has every visit's family). No other
    /// fact is counted without its family: a child counts only for an enrolled family.
    pub fn family(&self, id: i64) -> (Option<&'a FamilyRow>, UnitId) {
        match self.families.get(&id) {
            Some(&(row, unit)) => (Some(row), unit),
            None => (None, self.known(UNRECORDED)),
        }
    }

    /// The unit of a group's area; the unrecorded area for a group the input lacks.
    pub fn group(&self, area: Option<&'a str>) -> UnitId {
        self.known(Key::Group(area))
    }

    /// A unit `of` made (every key asked for is one).
    fn known(&self, key: Key<'a>) -> UnitId {
        self.ids.get(&key).copied().unwrap_or(UnitId::MAX)
    }

    /// The places a unit's facts count at, the municipality first (none for an unknown unit).
    pub fn places(&self, unit: UnitId) -> &[Place] {
        self.places.get(unit as usize).map_or(&[], Vec::as_slice)
    }

    /// Every unit's places.
    pub fn all(&self) -> impl Iterator<Item = &[Place]> + '_ {
        self.places.iter().map(Vec::as_slice)
    }

    /// The families' units (not the groups'), each once: area, clinic, programme and
    /// eligibility, from which the nests are found.
    pub fn family_units(&self) -> impl Iterator<Item = &[Place]> + '_ {
        self.places
            .iter()
            .zip(&self.of_families)
            .filter(|(_, family)| **family)
            .map(|(places, _)| places.get(1..).unwrap_or(&[]))
    }
}
