//! Retention (*gallring*): the dry run's counts, and the anonymisation of the families whose
//! participation ended before a day, in one transaction with its audit row.

use chrono::{Months, NaiveDate};

use super::{Ctx, OpsError, Result};
use crate::db::{Db, RetentionCounts};
use crate::domain::enums::{AuditAction, AuditEntity};

/// The default day: `years` before `today` (29 February falls back to the 28th).
pub fn default_before(today: NaiveDate, years: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MIN)
}

/// What an applied run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anonymised {
    pub counts: RetentionCounts,
    /// The file was rewritten and its WAL emptied, so nothing removed is left in their bytes;
    /// false when another open connection kept old pages in the WAL.
    pub wiped: bool,
}

/// The dry run: what a run before `before` would anonymise. Nothing is written.
pub fn preview(db: &mut Db, before: NaiveDate) -> Result<RetentionCounts> {
    db.read(|tx| tx.retention_counts(before))
        .map_err(OpsError::read)
}

/// Anonymises the families whose participation ended before `before`, each with a new
/// random reference, and records the run; then rewrites the file so that the names are
/// gone from its bytes, not only from its rows.
pub fn apply(db: &mut Db, ctx: &Ctx, before: NaiveDate) -> Result<Anonymised> {
    // Deleted and replaced content is overwritten with zeros as the transaction writes.
    db.set_secure_delete(true)?;
    let mut token = || format!("g-{:016x}", fastrand::u64(..));
    let counts = db.write(|tx| {
        let counts = tx.anonymise_ended(before, &mut token)?;
        tx.insert_audit(&ctx.audit_note(
            AuditAction::Retention,
            AuditEntity::Database,
            Some(format!(
                "before {before}: {} families, {} caregivers, {} children, {} visits",
                counts.families, counts.caregivers, counts.children, counts.visits
            )),
        ))?;
        Ok::<_, OpsError>(counts)
    })?;
    // The run is committed: a failure to rewrite the file (a full disk, say) is said as
    // "not wiped", never as a failure to save.
    let wiped = db.compact().unwrap_or(false);
    Ok(Anonymised { counts, wiped })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_day_is_whole_years_back() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(default_before(d(2026, 12, 1), 5), d(2021, 12, 1));
        assert_eq!(default_before(d(2028, 2, 29), 1), d(2027, 2, 28));
    }
}
