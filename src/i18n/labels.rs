//! Swedish and English names of the closed sets (statuses, roles, kinds) as the screens show them.

use super::Text;
use crate::domain::enums::{
    AuditAction, AuditEntity, ConsentMethod, Eligibility, ExitReason, FamilyStatus, Location,
    Protection, Role, VisitStatus,
};
use crate::domain::identity::IdKind;
use crate::domain::schedule::VisitState;
use crate::domain::timeline::AlertKind;

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

pub fn protection(p: Protection) -> Text {
    match p {
        Protection::None => t("ingen", "none"),
        Protection::Sekretessmarkering => t("sekretessmarkering", "confidentiality flag"),
        Protection::SkyddadFolkbokforing => t("skyddad folkbokföring", "protected registration"),
        Protection::Fingerade => t("fingerade personuppgifter", "fictitious identity"),
    }
}

pub fn status(s: FamilyStatus) -> Text {
    match s {
        FamilyStatus::Offered => t("erbjuden", "offered"),
        FamilyStatus::Declined => t("tackat nej", "declined"),
        FamilyStatus::Active => t("aktiv", "active"),
        FamilyStatus::Paused => t("vilande", "paused"),
        FamilyStatus::Completed => t("fullföljt", "completed"),
        FamilyStatus::Exited => t("avslutad", "exited"),
    }
}

pub fn exit_reason(r: ExitReason) -> Text {
    match r {
        ExitReason::Moved => t("flyttat", "moved"),
        ExitReason::DeclinedFurther => t("avböjt fortsatt", "declined further visits"),
        ExitReason::Completed => t("fullföljt", "completed"),
        ExitReason::AgedOut => t("åldrats ur", "aged out"),
        ExitReason::Other => t("annat", "other"),
    }
}

pub fn eligibility(e: Eligibility) -> Text {
    match e {
        Eligibility::FirstChild => t("första barnet", "first child"),
        Eligibility::FirstChildInSweden => {
            t("första barnet fött i Sverige", "first child born in Sweden")
        }
        Eligibility::Other => t("annat", "other"),
    }
}

pub fn role(r: Role) -> Text {
    match r {
        Role::Nurse => t("BVC-sjuksköterska", "child health nurse"),
        Role::ParentAdvisor => t("föräldrarådgivare", "parent advisor"),
        Role::FamilyTherapist => t("familjebehandlare", "family therapist"),
        Role::Dental => t("tandvård", "dental"),
        Role::Interpreter => t("tolk", "interpreter"),
        Role::Other => t("annan", "other"),
    }
}

pub fn id_kind(k: IdKind) -> Text {
    match k {
        IdKind::None => t("inget nummer", "no number"),
        IdKind::Personnummer => t("personnummer", "personal identity number"),
        IdKind::Samordningsnummer => t("samordningsnummer", "coordination number"),
        IdKind::Reservnummer => t("reservnummer", "reserve number"),
    }
}

pub fn consent_method(m: Option<ConsentMethod>) -> Text {
    match m {
        None => t("ej antecknat", "not recorded"),
        Some(ConsentMethod::Oral) => t("muntligt", "oral"),
        Some(ConsentMethod::Written) => t("skriftligt", "written"),
    }
}

pub fn visit_status(s: VisitStatus) -> Text {
    match s {
        VisitStatus::Planned => t("bokat", "booked"),
        VisitStatus::Done => t("genomfört", "done"),
        VisitStatus::CancelledFamily => t("avbokat av familjen", "cancelled by family"),
        VisitStatus::CancelledStaff => t("avbokat av personal", "cancelled by staff"),
        VisitStatus::NoShow => t("uteblev", "no-show"),
    }
}

pub fn visit_state(s: VisitState) -> Text {
    match s {
        VisitState::Upcoming => t("kommande", "upcoming"),
        VisitState::Due => t("att boka", "due"),
        VisitState::Booked => t("bokat", "booked"),
        VisitState::Done => t("genomfört", "done"),
        VisitState::Overdue => t("försenat", "overdue"),
        VisitState::Missed => t("missat", "missed"),
    }
}

pub fn alert(k: AlertKind) -> Text {
    match k {
        AlertKind::Overdue => t("Försenat", "Overdue"),
        AlertKind::DueUnbooked => t("Att boka", "Due, unbooked"),
        AlertKind::InterpreterMissing => t("Tolk saknas", "No interpreter"),
        AlertKind::DoubleBooked => t("Dubbelbokad", "Double-booked"),
        AlertKind::NotRecorded => t("Ej antecknat", "Not recorded"),
    }
}

pub fn location(l: Location) -> Text {
    match l {
        Location::Home => t("hemma", "home"),
        Location::Clinic => t("mottagning", "clinic"),
        Location::FamilyCentre => t("familjecentral", "family centre"),
        Location::PhoneVideo => t("telefon/video", "phone/video"),
    }
}

pub fn yes_no(b: bool) -> Text {
    if b { t("ja", "yes") } else { t("nej", "no") }
}

pub fn audit_action(a: AuditAction) -> Text {
    match a {
        AuditAction::View => t("visning", "view"),
        AuditAction::RevealProtected => t("visade skyddade uppgifter", "reveal protected"),
        AuditAction::Create => t("ny", "create"),
        AuditAction::Update => t("ändring", "update"),
        AuditAction::AddCaregiver => t("ny vårdnadshavare", "add caregiver"),
        AuditAction::AddChild => t("nytt barn", "add child"),
        AuditAction::Consent => t("samtycke", "consent"),
        AuditAction::Status => t("status", "status"),
        AuditAction::Book => t("bokning", "book"),
        AuditAction::Rebook => t("ombokning", "rebook"),
        AuditAction::Outcome => t("utfall", "outcome"),
        AuditAction::Import => t("import", "import"),
        AuditAction::Backup => t("säkerhetskopia", "backup"),
        AuditAction::Restore => t("återställning", "restore"),
        AuditAction::Demo => t("demodata", "demo"),
        AuditAction::ExportCalendar => t("kalenderexport", "export calendar"),
        AuditAction::AuditExtract => t("loggutdrag", "audit extract"),
    }
}

pub fn audit_entity(e: AuditEntity) -> Text {
    match e {
        AuditEntity::Family => t("familj", "family"),
        AuditEntity::Staff => t("personal", "staff"),
        AuditEntity::Visit => t("besök", "visit"),
        AuditEntity::Database => t("databas", "database"),
    }
}
