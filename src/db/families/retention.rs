//! Retention (*gallring*): which families' participation ended before a day, and their
//! anonymisation, which keeps every fact a report counts and removes every way to a person.

use chrono::NaiveDate;
use rusqlite::params;

use crate::db::values::date_text;
use crate::db::{ReadTx, Result, WriteTx};

/// How many records a retention run covers (or covered).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RetentionCounts {
    pub families: i64,
    pub caregivers: i64,
    pub children: i64,
    pub visits: i64,
}

/// The families a run covers: participation ended (exited, completed or declined) before
/// `?1`, and not anonymised yet (an anonymised family has an empty name, which no form or
/// import lets through). A declined family without an exit date ended when it was offered.
const ENDED: &str = "SELECT id FROM family
     WHERE status IN ('exited', 'completed', 'declined')
       AND COALESCE(exited_on, offered_on, enrolled_on) < ?1
       AND display_name <> ''";

impl ReadTx<'_> {
    /// The counts a retention run before `before` would anonymise; reads only.
    pub fn retention_counts(&self, before: NaiveDate) -> Result<RetentionCounts> {
        let sql = format!(
            "WITH ended AS ({ENDED})
             SELECT (SELECT count(*) FROM ended),
                    (SELECT count(*) FROM caregiver WHERE family_id IN ended),
                    (SELECT count(*) FROM child WHERE family_id IN ended),
                    (SELECT count(*) FROM visit
                      WHERE child_id IN (SELECT id FROM child WHERE family_id IN ended))"
        );
        let counts = self.tx.query_row(&sql, [date_text(before)], |r| {
            Ok(RetentionCounts {
                families: r.get(0)?,
                caregivers: r.get(1)?,
                children: r.get(2)?,
                visits: r.get(3)?,
            })
        })?;
        Ok(counts)
    }
}

impl WriteTx<'_> {
    /// Anonymises the families a run before `before` covers: names, identity numbers,
    /// addresses, phones, notes and consent givers go; each reference becomes `token()`.
    /// Dates, area, clinic, programme, statuses and what the visits were stay, so earlier
    /// reports count the same.
    pub fn anonymise_ended(
        &self,
        before: NaiveDate,
        token: &mut dyn FnMut() -> String,
    ) -> Result<RetentionCounts> {
        let counts = self.retention_counts(before)?;
        let tx = &self.read.tx;
        let ids: Vec<i64> = tx
            .prepare(ENDED)?
            .query_map([date_text(before)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut family = tx.prepare(
            "UPDATE family SET family_ref = ?2, display_name = '', address = NULL, phone = NULL,
                note = NULL, exit_note = NULL WHERE id = ?1",
        )?;
        let mut caregivers = tx.prepare(
            "UPDATE caregiver SET name = '', id_kind = 'none', id_value = NULL
             WHERE family_id = ?1",
        )?;
        let mut children = tx.prepare(
            "UPDATE child SET name = '', id_kind = 'none', id_value = NULL WHERE family_id = ?1",
        )?;
        let mut consents = tx.prepare("UPDATE consent SET given_by = '' WHERE family_id = ?1")?;
        let mut visits = tx.prepare(
            "UPDATE visit SET note = NULL, override_reason = NULL, cancel_reason = NULL
             WHERE child_id IN (SELECT id FROM child WHERE family_id = ?1)",
        )?;
        for id in ids {
            family.execute(params![id, token()])?;
            caregivers.execute([id])?;
            children.execute([id])?;
            consents.execute([id])?;
            visits.execute([id])?;
        }
        Ok(counts)
    }
}
