//! What the use cases answer, in words: outcomes, refusals, booking conflicts and database
//! failures, each in Swedish and English.

pub use super::database::db_error;
use crate::domain::enums::VisitStatus;
use crate::i18n::booking::{conflict, past_start};
use crate::i18n::{Text, labels};
use crate::ops::{OpsError, Outcome, Refusal};

fn when(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

pub fn outcome(o: &Outcome) -> Text {
    match o {
        Outcome::Booked(start) | Outcome::Moved(start) => {
            let at = when(*start);
            Text::new(format!("Bokat: {at}."), format!("Booked: {at}."))
        }
        Outcome::OutcomeRecorded(VisitStatus::Planned) => {
            Text::new("Besöket är bokat.", "The visit is booked.")
        }
        Outcome::OutcomeRecorded(_) => {
            Text::new("Utfallet är antecknat.", "The outcome is recorded.")
        }
        Outcome::FamilyCreated => Text::new("Familjen är sparad.", "The family is saved."),
        Outcome::FamilyUpdated => Text::new("Ändringarna är sparade.", "The changes are saved."),
        Outcome::CaregiverAdded => {
            Text::new("Vårdnadshavaren är tillagd.", "The caregiver is added.")
        }
        Outcome::ChildAdded => Text::new("Barnet är tillagt.", "The child is added."),
        Outcome::CaregiverUpdated => {
            Text::new("Vårdnadshavaren är ändrad.", "The caregiver is changed.")
        }
        Outcome::CaregiverRemoved => {
            Text::new("Vårdnadshavaren är borttagen.", "The caregiver is removed.")
        }
        Outcome::ChildUpdated => Text::new("Barnet är ändrat.", "The child is changed."),
        Outcome::ChildRemoved => Text::new("Barnet är borttaget.", "The child is removed."),
        Outcome::ConsentRecorded => {
            Text::new("Samtycket är antecknat.", "The consent is recorded.")
        }
        Outcome::StatusChanged { cancelled: 0, .. } => {
            Text::new("Statusen är ändrad.", "The status is changed.")
        }
        Outcome::StatusChanged { cancelled: 1, .. } => Text::new(
            "Statusen är ändrad; 1 bokat besök är avbokat.",
            "The status is changed; 1 booked visit is cancelled.",
        ),
        Outcome::StatusChanged { cancelled, .. } => Text::new(
            format!("Statusen är ändrad; {cancelled} bokade besök är avbokade."),
            format!("The status is changed; {cancelled} booked visits are cancelled."),
        ),
        Outcome::StaffSaved => Text::new("Personalen är sparad.", "The staff member is saved."),
        group => super::groups::outcome(group),
    }
}

pub fn refusal(r: &Refusal) -> Text {
    match r {
        Refusal::InPast(past) => past_start(*past),
        Refusal::PersonGone => Text::new(
            "Personen finns inte längre i familjen.",
            "The person is no longer in the family.",
        ),
        Refusal::ChildHasDoneVisits(1) => Text::new(
            "Barnet har ett genomfört besök och tas inte bort: rapporten räknar det. Ändra uppgifterna i stället.",
            "The child has a visit that took place and is not removed: the report counts it. Edit the details instead.",
        ),
        Refusal::ChildHasDoneVisits(n) => Text::new(
            format!(
                "Barnet har {n} genomförda besök och tas inte bort: rapporten räknar dem. Ändra uppgifterna i stället."
            ),
            format!(
                "The child has {n} visits that took place and is not removed: the report counts them. Edit the details instead."
            ),
        ),
        Refusal::FamilyGone => Text::new(
            "Familjen finns inte längre.",
            "The family no longer exists.",
        ),
        Refusal::VisitGone => {
            Text::new("Besöket finns inte längre.", "The visit no longer exists.")
        }
        Refusal::NotBookable(status) => {
            let s = labels::status(*status);
            Text::new(
                format!(
                    "Familjen är {}: ändra status (a = aktiv) innan du bokar.",
                    s.sv
                ),
                format!(
                    "The family is {}: change the status (a = active) before booking.",
                    s.en
                ),
            )
        }
        Refusal::NothingToBook => Text::new(
            "Inget besök att boka just nu: allt är bokat, gjort, eller långt fram.",
            "Nothing to book now: every visit is booked, done, or far ahead.",
        ),
        Refusal::ProgrammeUnknown(id) => Text::new(
            format!("Programmet {id} finns inte i registret."),
            format!("The programme {id} is not known to this register."),
        ),
        Refusal::Conflict(c) => {
            let c = conflict(c);
            Text::new(
                format!("Inte bokat: {}", c.sv),
                format!("Not booked: {}", c.en),
            )
        }
        Refusal::NotHappenedYet(start) => {
            let at = when(*start);
            Text::new(
                format!(
                    "Besöket {at} har inte ägt rum ännu; anteckna det efteråt (avbokning går bra nu)."
                ),
                format!(
                    "The visit at {at} has not happened yet; record it afterwards (cancelling is fine now)."
                ),
            )
        }
        Refusal::VisitNotPlanned => Text::new(
            "Besöket är inte längre bokat (utfallet antecknades under tiden); inget ändrades.",
            "The visit is no longer booked (its outcome was recorded meanwhile); nothing was changed.",
        ),
        Refusal::DuplicateFamilyRef(r) => Text::new(
            format!("Referensen {r} finns redan; välj en annan."),
            format!("The reference {r} is already registered; choose another."),
        ),
        Refusal::NoSuchStaff(who) => Text::new(
            format!("Ingen personal har id eller namn \"{who}\"; se listan under Personal (5)."),
            format!("No staff member has the id or name \"{who}\"; see the list under Staff (5)."),
        ),
        Refusal::Group(r) => super::groups::refusal(r),
        Refusal::StaffAmbiguous { who, names } => Text::new(
            format!(
                "\"{who}\" finns i flera namn ({}); skriv mer av namnet, eller id:t.",
                names.join(", ")
            ),
            format!(
                "\"{who}\" is in several names ({}); type more of the name, or the id.",
                names.join(", ")
            ),
        ),
        Refusal::ReportSetting(key) => Text::new(
            format!(
                "Rapporten skrivs inte utan kommunens namn och fyrsiffriga kommunkod: sätt {key} i config.toml (t.ex. municipality = \"Grästorps kommun\" och municipality_code = \"1444\")."
            ),
            format!(
                "The report is not written without the municipality's name and four-digit code: set {key} in config.toml (e.g. municipality = \"Grästorps kommun\" and municipality_code = \"1444\")."
            ),
        ),
        Refusal::ReportExposed(n) => Text::new(
            format!(
                "Rapporten skrevs inte: granskningen kunde inte skydda {n} dolda värden. Inget skickades; säg till utvecklarna."
            ),
            format!(
                "The report was not written: the audit could not protect {n} hidden figures. Nothing was sent; tell the developers."
            ),
        ),
        Refusal::StatusDay(day, problem) => {
            let label = crate::i18n::forms::status_day(*day);
            let why = crate::i18n::forms::date_problem(*problem);
            Text::new(
                format!("{}: {}. Inget ändrades.", label.sv, why.sv),
                format!("{}: {}. Nothing was changed.", label.en, why.en),
            )
        }
        Refusal::DuplicateStaffName => Text::new(
            "Det finns redan personal med det namnet; skriv till något som skiljer dem åt.",
            "A staff member with that name is already registered; add something that tells them apart.",
        ),
    }
}

/// A failed use case: the refusal itself, or what failed while reading or while saving.
pub fn ops_error(e: &OpsError) -> Text {
    match e {
        OpsError::Refused(r) => refusal(r),
        OpsError::Read(e) => {
            let d = db_error(e);
            Text::new(
                format!("Kunde inte läsa: {}", d.sv),
                format!("Could not read: {}", d.en),
            )
        }
        OpsError::Save(e) => {
            let d = db_error(e);
            Text::new(
                format!("Kunde inte spara: {}", d.sv),
                format!("Could not save: {}", d.en),
            )
        }
        OpsError::File(e) => {
            let cause = crate::i18n::io::cause(&e.cause);
            Text::new(
                format!(
                    "Kunde inte skriva {}: {}; inget sparades",
                    e.path.display(),
                    cause.sv
                ),
                format!(
                    "Could not write {}: {}; nothing was recorded",
                    e.path.display(),
                    cause.en
                ),
            )
        }
    }
}

/// In English, for error chains at the edge of a command.
impl std::fmt::Display for OpsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&ops_error(self).en)
    }
}

impl std::error::Error for OpsError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::DbError;

    #[test]
    fn a_failed_read_is_not_called_a_failed_save() {
        let read = ops_error(&OpsError::Read(DbError::Sqlite("disk I/O error".into())));
        assert!(read.en.starts_with("Could not read"), "{}", read.en);
        assert!(read.sv.starts_with("Kunde inte läsa"), "{}", read.sv);
        let save = ops_error(&OpsError::Save(DbError::Sqlite("disk I/O error".into())));
        assert!(save.en.starts_with("Could not save"), "{}", save.en);
    }
}
