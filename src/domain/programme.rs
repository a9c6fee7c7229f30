//! Programme templates: the visits a family is offered, each with its age window, roles and themes.

use chrono::{Days, Months, NaiveDate};
use serde::Deserialize;
use std::fmt;

use super::enums::{Role, Theme};

/// A child age such as `10d`, `6w` or `4m`; months follow the calendar (born 31 January plus one
/// month is the last day of February).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Age {
    Days(u32),
    Weeks(u32),
    Months(u32),
}

impl Age {
    /// The date a child born on `birth` reaches this age.
    pub fn from_birth(self, birth: NaiveDate) -> NaiveDate {
        let reached = match self {
            Age::Days(n) => birth.checked_add_days(Days::new(u64::from(n))),
            Age::Weeks(n) => birth.checked_add_days(Days::new(u64::from(n) * 7)),
            Age::Months(n) => birth.checked_add_months(Months::new(n)),
        };
        reached.unwrap_or(NaiveDate::MAX)
    }

    /// Every birth date of a child who reaches this age on a day from `first` to `last` lies in
    /// the range returned: exactly for days and weeks, a week wider on each side for months (a
    /// month's length differs, and a day past a short month's end is clamped to it).
    pub fn births_reaching(self, first: NaiveDate, last: NaiveDate) -> (NaiveDate, NaiveDate) {
        let back = |d: NaiveDate| match self {
            Age::Days(n) => d.checked_sub_days(Days::new(u64::from(n))),
            Age::Weeks(n) => d.checked_sub_days(Days::new(u64::from(n) * 7)),
            Age::Months(n) => d.checked_sub_months(Months::new(n)),
        };
        let slack = Days::new(if matches!(self, Age::Months(_)) { 7 } else { 0 });
        (
            back(first)
                .and_then(|d| d.checked_sub_days(slack))
                .unwrap_or(NaiveDate::MIN),
            back(last)
                .and_then(|d| d.checked_add_days(slack))
                .unwrap_or(last),
        )
    }

    /// An approximate length in days, for checking that a template's ages are in order.
    fn approx_days(self) -> f64 {
        match self {
            Age::Days(n) => f64::from(n),
            Age::Weeks(n) => f64::from(n) * 7.0,
            Age::Months(n) => f64::from(n) * 30.436_875,
        }
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let t = text.trim();
        let bad = || format!("\"{t}\" is not an age; write e.g. 10d, 6w or 4m");
        let unit = t.chars().last().ok_or_else(bad)?;
        let n: u32 = t[..t.len() - unit.len_utf8()].parse().map_err(|_| bad())?;
        match unit {
            'd' => Ok(Age::Days(n)),
            'w' => Ok(Age::Weeks(n)),
            'm' => Ok(Age::Months(n)),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Age::Days(n) => write!(f, "{n}d"),
            Age::Weeks(n) => write!(f, "{n}w"),
            Age::Months(n) => write!(f, "{n}m"),
        }
    }
}

/// One visit of a programme. The window: bookable from `earliest`, due at `due`, overdue after
/// `late`, missed after `max`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeVisit {
    pub number: u32,
    pub name: String,
    pub name_en: String,
    pub earliest: Age,
    pub due: Age,
    pub late: Age,
    pub max: Age,
    pub roles: Vec<Role>,
    pub themes: Vec<Theme>,
    /// The ordinary BVC visit every family gets; the extended programme adds the others.
    pub ordinary: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    pub id: String,
    pub version: u32,
    pub name: String,
    pub name_en: String,
    pub eligibility: String,
    pub visits: Vec<ProgrammeVisit>,
}

impl Programme {
    pub fn visit(&self, number: u32) -> Option<&ProgrammeVisit> {
        self.visits.iter().find(|v| v.number == number)
    }

    pub fn last_visit(&self) -> Option<&ProgrammeVisit> {
        self.visits.last()
    }
}

/// A template that could not be used, with the file, the visit and the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {place}{message}")]
pub struct TemplateError {
    pub file: String,
    pub place: String,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProgramme {
    id: String,
    version: u32,
    name: String,
    name_en: String,
    eligibility: String,
    #[serde(rename = "visit")]
    visits: Vec<RawVisit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVisit {
    number: u32,
    name: String,
    name_en: String,
    earliest: String,
    due: String,
    late: String,
    max: String,
    roles: Vec<String>,
    themes: Vec<String>,
    #[serde(default)]
    ordinary: bool,
}

/// Parses and checks a template; `file` names it in every error.
pub fn parse_programme(file: &str, text: &str) -> Result<Programme, TemplateError> {
    let err = |place: String, message: String| TemplateError {
        file: file.to_string(),
        place,
        message,
    };
    let raw: RawProgramme =
        toml::from_str(text).map_err(|e| err(String::new(), e.message().to_string()))?;
    if raw.id.is_empty() || !raw.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return Err(err(
            "id: ".into(),
            format!("\"{}\" must be lower-case letters and _", raw.id),
        ));
    }
    if raw.visits.is_empty() {
        return Err(err(
            String::new(),
            "a programme needs at least one [[visit]]".into(),
        ));
    }
    let mut visits = Vec::with_capacity(raw.visits.len());
    for (i, v) in raw.visits.into_iter().enumerate() {
        let place = |field: &str| format!("visit {}: {field}: ", i + 1);
        if v.number as usize != i + 1 {
            return Err(err(
                place("number"),
                format!(
                    "is {}, but visits are numbered 1, 2, 3… in order; expected {}",
                    v.number,
                    i + 1
                ),
            ));
        }
        let age = |field: &str, text: &str| Age::parse(text).map_err(|m| err(place(field), m));
        let earliest = age("earliest", &v.earliest)?;
        let due = age("due", &v.due)?;
        let late = age("late", &v.late)?;
        let max = age("max", &v.max)?;
        let order = [
            ("earliest", earliest),
            ("due", due),
            ("late", late),
            ("max", max),
        ];
        for pair in order.windows(2) {
            if pair[0].1.approx_days() > pair[1].1.approx_days() {
                return Err(err(
                    place(pair[1].0),
                    format!(
                        "{} comes before {} ({}); the window must be in order earliest ≤ due ≤ late ≤ max",
                        pair[1].1, pair[0].0, pair[0].1
                    ),
                ));
            }
        }
        if v.roles.is_empty() {
            return Err(err(place("roles"), "name at least one role".into()));
        }
        let roles = v
            .roles
            .iter()
            .map(|r| {
                r.parse::<Role>()
                    .map_err(|e| err(place("roles"), e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let themes = v
            .themes
            .iter()
            .map(|t| {
                t.parse::<Theme>()
                    .map_err(|e| err(place("themes"), e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        visits.push(ProgrammeVisit {
            number: v.number,
            name: v.name,
            name_en: v.name_en,
            earliest,
            due,
            late,
            max,
            roles,
            themes,
            ordinary: v.ordinary,
        });
    }
    Ok(Programme {
        id: raw.id,
        version: raw.version,
        name: raw.name,
        name_en: raw.name_en,
        eligibility: raw.eligibility,
        visits,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Every birth date that reaches the age in the period lies in the range, for ages in days,
    /// weeks and months, over periods that start and end on short and long months' ends.
    #[test]
    fn births_reaching_an_age_in_a_period_lie_in_its_range() {
        let ages = [
            Age::Days(30),
            Age::Weeks(6),
            Age::Months(1),
            Age::Months(15),
        ];
        let periods = [
            (d(2026, 7, 1), d(2026, 9, 30)),
            (d(2026, 2, 28), d(2026, 3, 31)),
            (d(2024, 2, 29), d(2024, 2, 29)),
            (d(2025, 1, 1), d(2025, 12, 31)),
        ];
        for age in ages {
            for (first, last) in periods {
                let (lo, hi) = age.births_reaching(first, last);
                let mut born = d(2022, 1, 1);
                while born < d(2027, 1, 1) {
                    if (first..=last).contains(&age.from_birth(born)) {
                        assert!((lo..=hi).contains(&born), "{age:?} {born} {first}..{last}");
                    }
                    born = born.succ_opt().unwrap();
                }
                if !matches!(age, Age::Months(_)) {
                    assert_eq!(age.from_birth(lo), first);
                    assert_eq!(age.from_birth(hi), last);
                }
            }
        }
    }

    const GOOD: &str = r#"
id = "test"
version = 1
name = "Test"
name_en = "Test"
eligibility = "all"
[[visit]]
number = 1
name = "Nyfödd"
name_en = "Newborn"
earliest = "3d"
due = "1w"
late = "3w"
max = "30d"
roles = ["nurse"]
themes = ["feeding"]
"#;

    #[test]
    fn ages_follow_the_calendar() {
        assert_eq!(Age::Months(1).from_birth(d(2025, 1, 31)), d(2025, 2, 28));
        assert_eq!(Age::Months(1).from_birth(d(2024, 1, 31)), d(2024, 2, 29));
        assert_eq!(Age::Months(12).from_birth(d(2024, 2, 29)), d(2025, 2, 28));
        assert_eq!(Age::Weeks(2).from_birth(d(2026, 12, 25)), d(2027, 1, 8));
        assert_eq!(Age::Days(30).from_birth(d(2026, 2, 1)), d(2026, 3, 3));
    }

    #[test]
    fn parses_a_good_template() {
        let p = parse_programme("test.toml", GOOD).unwrap();
        assert_eq!(p.visits[0].due, Age::Weeks(1));
        assert_eq!(p.visits[0].roles, vec![Role::Nurse]);
    }

    #[test]
    fn errors_name_file_visit_and_field() {
        let bad_age = GOOD.replace("late = \"3w\"", "late = \"3x\"");
        assert_eq!(
            parse_programme("test.toml", &bad_age)
                .unwrap_err()
                .to_string(),
            "test.toml: visit 1: late: \"3x\" is not an age; write e.g. 10d, 6w or 4m"
        );
        let bad_role = GOOD.replace("[\"nurse\"]", "[\"doctor\"]");
        let e = parse_programme("test.toml", &bad_role)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("test.toml: visit 1: roles: \"doctor\" is not one of"),
            "{e}"
        );
        let out_of_order = GOOD.replace("max = \"30d\"", "max = \"2w\"");
        let e = parse_programme("test.toml", &out_of_order)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("test.toml: visit 1: max: 2w comes before late"),
            "{e}"
        );
        let unknown = GOOD
            .replace("ordinary", "x")
            .replace("eligibility = \"all\"", "eligibility = \"all\"\ncolour = 1");
        assert!(
            parse_programme("test.toml", &unknown)
                .unwrap_err()
                .to_string()
                .contains("colour")
        );
    }
}
