//! `import families`: families with up to two caregivers and two children.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::{
    Columns, Ctx, ImportError, ProblemKind, Problems, Row, Summary, parse_code, parse_date,
    read_rows,
};
use crate::db::Db;
use crate::domain::enums::{Eligibility, ExitReason, FamilyStatus, Protection, split_list};
use crate::domain::identity::{IdKind, IdentityNumber, looks_like_identity_number, parse_identity};
use crate::domain::model::{Consent, NewCaregiver, NewChild, NewFamily};

pub const COLUMNS: Columns = Columns {
    all: &[
        "family_ref",
        "family_name",
        "area",
        "clinic",
        "address",
        "phone",
        "languages",
        "interpreter_language",
        "protection",
        "programme",
        "status",
        "eligibility",
        "consent_date",
        "enrolled_on",
        "offered_on",
        "declined_on",
        "paused_on",
        "exited_on",
        "exit_reason",
        "caregiver1_name",
        "caregiver1_id",
        "caregiver1_id_kind",
        "caregiver2_name",
        "caregiver2_id",
        "caregiver2_id_kind",
        "child1_name",
        "child1_birth_date",
        "child1_id",
        "child2_name",
        "child2_birth_date",
        "child2_id",
    ],
    required: &[
        "family_ref",
        "family_name",
        "programme",
        "caregiver1_name",
        "child1_name",
        "child1_birth_date",
    ],
};

/// The oldest a child of a family still in a programme can be: the programmes run from birth
/// to school age.
const MAX_CHILD_AGE_YEARS: u32 = 7;
/// How far ahead an expected birth date may be.
const MAX_DAYS_BEFORE_BIRTH: u64 = 300;

/// The earliest birth date an archive of ended participations may hold: the programmes'
/// history is years, not centuries, so an earlier date is a mistyped year.
fn earliest_archived_birth() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Whether a family's participation has ended, so that its children may be of any age: an
/// archive brought in from years back holds children long past the programmes' ages.
fn participation_ended(status: FamilyStatus) -> bool {
    match status {
        FamilyStatus::Declined | FamilyStatus::Completed | FamilyStatus::Exited => true,
        FamilyStatus::Offered | FamilyStatus::Active | FamilyStatus::Paused => false,
    }
}

fn identity(
    row: &Row,
    column: &str,
    kind_column: Option<&str>,
    today: NaiveDate,
    problems: &mut Problems,
) -> Option<IdentityNumber> {
    let kind = kind_column.and_then(|k| row.parse_opt(k, problems, parse_code::<IdKind>));
    if kind_column.is_some_and(|k| !row.get(k).is_empty()) && kind.is_none() {
        return None; // the kind's own problem is already noted
    }
    match parse_identity(row.get(column), kind, today) {
        Ok(id) => id,
        Err(e) => {
            problems.add(row.line, column, ProblemKind::Identity(e));
            None
        }
    }
}

fn caregiver(row: &Row, n: u8, today: NaiveDate, problems: &mut Problems) -> Option<NewCaregiver> {
    let name_col = format!("caregiver{n}_name");
    let id_col = format!("caregiver{n}_id");
    let kind_col = format!("caregiver{n}_id_kind");
    let name = row.get(&name_col);
    if name.is_empty() {
        if n == 1 {
            problems.add(row.line, &name_col, ProblemKind::Required);
        } else if !row.get(&id_col).is_empty() || !row.get(&kind_col).is_empty() {
            problems.add(row.line, &name_col, ProblemKind::CaregiverNameMissing);
        }
        return None;
    }
    let identity = identity(row, &id_col, Some(&kind_col), today, problems);
    Some(NewCaregiver {
        name: name.to_string(),
        relation: None,
        identity,
    })
}

fn child(
    row: &Row,
    n: u8,
    first_in_sweden: bool,
    status: FamilyStatus,
    today: NaiveDate,
    problems: &mut Problems,
) -> Option<NewChild> {
    let name_col = format!("child{n}_name");
    let birth_col = format!("child{n}_birth_date");
    let id_col = format!("child{n}_id");
    let name = row.get(&name_col);
    if name.is_empty() {
        if n == 1 {
            problems.add(row.line, &name_col, ProblemKind::Required);
        } else if !row.get(&birth_col).is_empty() || !row.get(&id_col).is_empty() {
            problems.add(row.line, &name_col, ProblemKind::ChildNameMissing);
        }
        return None;
    }
    let birth = match row.get(&birth_col) {
        "" => {
            problems.add(row.line, &birth_col, ProblemKind::BirthDateMissing);
            None
        }
        text => parse_date(text)
            .map_err(|e| problems.add(row.line, &birth_col, e))
            .ok(),
    }?;
    if participation_ended(status) {
        let earliest = earliest_archived_birth();
        if birth < earliest {
            problems.add(
                row.line,
                &birth_col,
                ProblemKind::BirthBeforeArchive {
                    date: birth,
                    earliest,
                },
            );
            return None;
        }
    } else if today
        .checked_sub_months(chrono::Months::new(12 * MAX_CHILD_AGE_YEARS))
        .is_some_and(|limit| birth < limit)
    {
        problems.add(
            row.line,
            &birth_col,
            ProblemKind::BirthTooLongAgo {
                date: birth,
                years: MAX_CHILD_AGE_YEARS,
            },
        );
        return None;
    }
    if birth > today + Days::new(MAX_DAYS_BEFORE_BIRTH) {
        problems.add(
            row.line,
            &birth_col,
            ProblemKind::BirthTooFarAhead { date: birth },
        );
        return None;
    }
    let identity = identity(row, &id_col, None, today, problems);
    if let Some(born) = identity.as_ref().and_then(IdentityNumber::birth_date)
        && born != birth
    {
        problems.add(
            row.line,
            &id_col,
            ProblemKind::IdBirthMismatch {
                born,
                birth_column: birth_col.clone(),
                birth,
            },
        );
    }
    Some(NewChild {
        name: name.to_string(),
        birth_date: birth,
        expected: birth > today,
        first_child: n == 1,
        first_born_in_sweden: first_in_sweden && n == 1,
        identity,
    })
}

/// The family a row describes, when it can be read, and the children it names by column
/// number (known even when the family's own cells are wrong).
fn family(
    row: &Row,
    today: NaiveDate,
    programmes: &[String],
    problems: &mut Problems,
) -> (Option<ReadFamily>, Vec<(u8, NewChild)>) {
    let family_ref = row.required("family_ref", problems);
    if let Some(r) = family_ref
        && looks_like_identity_number(r, today)
    {
        problems.add(row.line, "family_ref", ProblemKind::RefLooksLikeIdentity);
    }
    let display_name = row.required("family_name", problems);
    let programme = row.required("programme", problems).and_then(|p| {
        let id = p.to_lowercase();
        if programmes.contains(&id) {
            Some(id)
        } else {
            problems.add(
                row.line,
                "programme",
                ProblemKind::UnknownProgramme {
                    value: p.to_string(),
                    known: programmes.to_vec(),
                },
            );
            None
        }
    });
    let protection = row
        .parse_opt("protection", problems, parse_code::<Protection>)
        .unwrap_or(Protection::None);
    let status = row
        .parse_opt("status", problems, parse_code::<FamilyStatus>)
        .unwrap_or(FamilyStatus::Active);
    let eligibility = row.parse_opt("eligibility", problems, parse_code::<Eligibility>);
    let consent_date = row.parse_opt("consent_date", problems, parse_date);
    let enrolled_on = row.parse_opt("enrolled_on", problems, parse_date);
    let offered_on = row.parse_opt("offered_on", problems, parse_date);
    let declined_on = row.parse_opt("declined_on", problems, parse_date);
    let paused_on = row.parse_opt("paused_on", problems, parse_date);
    let exited_on = row.parse_opt("exited_on", problems, parse_date);
    let exit_reason = row.parse_opt("exit_reason", problems, parse_code::<ExitReason>);
    for (col, date) in [
        ("consent_date", consent_date),
        ("enrolled_on", enrolled_on),
        ("offered_on", offered_on),
        ("declined_on", declined_on),
        ("paused_on", paused_on),
        ("exited_on", exited_on),
    ] {
        if date.is_some_and(|d| d > today) {
            problems.add(row.line, col, ProblemKind::InFuture);
        }
    }
    let caregivers: Vec<NewCaregiver> = (1..=2)
        .filter_map(|n| caregiver(row, n, today, problems))
        .collect();
    let in_sweden = eligibility == Some(Eligibility::FirstChildInSweden);
    let numbered: Vec<(u8, NewChild)> = (1..=2)
        .filter_map(|n| child(row, n, in_sweden, status, today, problems).map(|c| (n, c)))
        .collect();
    let children: Vec<NewChild> = numbered.iter().map(|(_, c)| c.clone()).collect();
    let consent = consent_date.map(|given_on| Consent {
        given_by: caregivers
            .first()
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        scope: "samverkan BVC och socialtjänst".to_string(),
        given_on,
        method: None,
        withdrawn_on: None,
    });
    let (Some(family_ref), Some(display_name), Some(programme_id)) =
        (family_ref, display_name, programme)
    else {
        return (None, numbered);
    };
    let family = NewFamily {
        facts: crate::domain::model::FamilyFacts {
            family_ref: family_ref.to_string(),
            display_name: display_name.to_string(),
            address: row.opt("address"),
            area: row.opt("area"),
            clinic: row.opt("clinic"),
            phone: row.opt("phone"),
            languages: split_list(row.get("languages"))
                .map(str::to_string)
                .collect(),
            interpreter_language: row.opt("interpreter_language"),
            protection,
            eligibility,
            programme_id,
            status,
            offered_on,
            enrolled_on,
            exited_on,
            note: None,
            consent,
            // Completing is its own reason, as when the status is set in the app.
            exit_reason: exit_reason
                .or((status == FamilyStatus::Completed).then_some(ExitReason::Completed)),
        },
        caregivers,
        children,
    };
    let dates = LaterDates {
        declined_on,
        paused_on,
    };
    (Some((family, dates)), numbered)
}

/// A row's family and the status dates its record does not carry.
type ReadFamily = (NewFamily, LaterDates);

/// The status dates a new family's record does not carry, written right after it.
struct LaterDates {
    declined_on: Option<NaiveDate>,
    paused_on: Option<NaiveDate>,
}

/// A child's personnummer or samordningsnummer in a row: the column and the stored digits.
struct ChildNumber {
    line: u64,
    column: String,
    value: String,
}

/// The personnummer and samordningsnummer a row gives its children.
fn child_numbers(line: u64, children: &[(u8, NewChild)]) -> Vec<ChildNumber> {
    children
        .iter()
        .filter_map(|(n, child)| {
            let id = child.identity.as_ref()?;
            matches!(id.kind, IdKind::Personnummer | IdKind::Samordningsnummer).then(|| {
                ChildNumber {
                    line,
                    column: format!("child{n}_id"),
                    value: id.value.clone(),
                }
            })
        })
        .collect()
}

pub fn import(db: &mut Db, text: &str, ctx: &Ctx) -> Result<Summary, ImportError> {
    let rows = read_rows(text, &COLUMNS)?;
    let catalogue = db.read(|tx| tx.programme_catalogue())?;
    let ids = catalogue.shipped_ids();
    let today = ctx.today();
    let mut problems = Problems::of_cells(&rows);
    let mut families = Vec::new();
    let mut refs: Vec<(u64, String)> = Vec::new();
    let mut numbers: Vec<(ChildNumber, String)> = Vec::new();
    let mut first_line: HashMap<String, u64> = HashMap::new();
    for row in &rows {
        let (f, children) = family(row, today, &ids, &mut problems);
        let family_ref = row.get("family_ref");
        if !family_ref.is_empty() {
            if let Some(first) = first_line.get(family_ref) {
                problems.add(
                    row.line,
                    "family_ref",
                    ProblemKind::AlreadyInFile {
                        value: family_ref.to_string(),
                        first_line: *first,
                    },
                );
            } else {
                first_line.insert(family_ref.to_string(), row.line);
            }
            refs.push((row.line, family_ref.to_string()));
        }
        // A child is in one family: the same number twice in the file names the other row.
        for number in child_numbers(row.line, &children) {
            if let Some((first, first_ref)) = numbers.iter().find(|(n, _)| n.value == number.value)
            {
                problems.add(
                    number.line,
                    &number.column,
                    ProblemKind::ChildNumberInFile {
                        family_ref: first_ref.clone(),
                        first_line: first.line,
                    },
                );
            } else {
                numbers.push((number, family_ref.to_string()));
            }
        }
        if let Some(f) = f {
            families.push((row.line, f));
        }
    }
    let (count, caregivers, children) = (
        families.len(),
        families
            .iter()
            .map(|(_, (f, _))| f.caregivers.len())
            .sum::<usize>(),
        families
            .iter()
            .map(|(_, (f, _))| f.children.len())
            .sum::<usize>(),
    );
    db.write(|tx| {
        // What the register already holds is checked in the same run as the rows themselves.
        for (line, family_ref) in &refs {
            if tx.family_id_by_ref(family_ref)?.is_some() {
                problems.add(
                    *line,
                    "family_ref",
                    ProblemKind::AlreadyRegistered {
                        value: family_ref.clone(),
                    },
                );
            }
        }
        for (number, own_ref) in &numbers {
            // A family given again is refused as registered already; its own children are no
            // second problem.
            if let Some(family_ref) = tx.family_ref_of_child_number(&number.value)?
                && &family_ref != own_ref
            {
                problems.add(
                    number.line,
                    &number.column,
                    ProblemKind::ChildNumberRegistered { family_ref },
                );
            }
        }
        std::mem::take(&mut problems).check()?;
        // New families get the shipped version of their programme, stored the first time.
        for id in &ids {
            if families.iter().any(|(_, (f, _))| &f.programme_id == id)
                && let Some(p) = catalogue.current(id)
            {
                tx.ensure_programme(p, catalogue.template_text(id).unwrap_or_default())?;
            }
        }
        for (_, (f, dates)) in &families {
            let version = catalogue.current(&f.programme_id).map_or(1, |p| p.version);
            let id = tx.insert_family(f, version, ctx.now)?;
            tx.set_declined_paused(id, dates.declined_on, dates.paused_on)?;
            tx.insert_audit(&crate::domain::model::AuditEntry {
                entity_id: Some(id),
                ..ctx.audit_note(
                    crate::domain::enums::AuditAction::Create,
                    crate::domain::enums::AuditEntity::Family,
                    Some("import".into()),
                )
            })?;
        }
        tx.insert_audit(&ctx.audit_note(
            crate::domain::enums::AuditAction::Import,
            crate::domain::enums::AuditEntity::Family,
            Some(format!("{count} rows")),
        ))?;
        Ok(Summary::Families {
            count,
            caregivers,
            children,
        })
    })
}
