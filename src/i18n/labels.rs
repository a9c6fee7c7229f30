//! Swedish and English names of the closed sets (statuses, roles, kinds) as the screens show them.

use super::{Text, Words};
use crate::domain::alerts::AlertKind;
use crate::domain::enums::{
    AttendanceStatus, AuditAction, AuditEntity, ConsentMethod, Eligibility, ExitReason,
    FamilyStatus, Location, Protection, Referral, Role, SessionStatus, Theme, VisitStatus,
};
use crate::domain::groups::Skip;
use crate::domain::identity::IdKind;
use crate::domain::schedule::VisitState;

fn t(sv: &str, en: &str) -> Text {
    Text::new(sv, en)
}

/// A name as it is given (a person's, a series'): the same in both languages.
pub fn name(name: &str) -> Text {
    t(name, name)
}

/// A name the programme gives in both languages (a programme's, one of its visits').
pub fn programme_name(sv: &str, en: &str) -> Text {
    t(sv, en)
}

/// What lists, titles and messages call a family with a protected identity: never its name, nor
/// a caregiver's or a child's (only the family's own page shows those).
pub fn protected_family() -> Text {
    PROTECTED_FAMILY.into()
}

pub const PROTECTED_FAMILY: Words = Words::new("skyddad familj", "protected family");

/// A family's (or one of its people's) name as lists and titles show it: the words for a
/// protected family instead of any name of it.
pub fn shown_name(name: &str, protection: Protection) -> Text {
    if protection.is_protected() {
        protected_family()
    } else {
        self::name(name)
    }
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
        // Said of the family ("familjen är aktiv / klar / avslutad"), so the forms agree with it.
        FamilyStatus::Completed => t("klar", "completed"),
        FamilyStatus::Exited => t("avslutad", "exited"),
    }
}

pub fn exit_reason(r: ExitReason) -> Text {
    match r {
        ExitReason::Moved => t("flyttat", "moved"),
        ExitReason::DeclinedFurther => t("tackat nej till fler besök", "declined further visits"),
        ExitReason::Completed => t("programmet fullföljt", "programme completed"),
        ExitReason::AgedOut => t("barnet över åldersgränsen", "child past the age limit"),
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
        Role::Dental => t("tandsköterska/tandhygienist", "dental nurse/hygienist"),
        Role::Interpreter => t("tolk", "interpreter"),
        Role::Other => t("annan", "other"),
    }
}

/// Each role with its names in both languages, folded as search folds what is typed: a typed
/// word that is part of one finds the people of that role ("tolk" or "interp" the interpreters).
pub fn role_search_names() -> Vec<(Role, Vec<String>)> {
    use crate::domain::search::fold;
    Role::ALL
        .iter()
        .map(|r| {
            let name = role(*r);
            (*r, vec![fold(&name.sv), fold(&name.en)])
        })
        .collect()
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

pub fn report_format(f: crate::domain::report::ReportFormat) -> Text {
    use crate::domain::report::ReportFormat;
    match f {
        ReportFormat::Xlsx => t("xlsx (Excel)", "xlsx (Excel)"),
        ReportFormat::Csv => t(
            "csv (semikolon, för svensk Excel)",
            "csv (semicolon, for Swedish Excel)",
        ),
        ReportFormat::Json => t("json (med definitioner)", "json (with definitions)"),
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
        // The window is still open but closes within the warning days.
        VisitState::Overdue => t("bråttom", "closing"),
        VisitState::Missed => t("missat", "missed"),
    }
}

pub fn alert(k: AlertKind) -> Text {
    match k {
        AlertKind::Overdue => t("Bråttom", "Closes soon"),
        AlertKind::DueUnbooked => t("Att boka", "Due, unbooked"),
        AlertKind::InterpreterMissing => t("Tolk saknas", "No interpreter"),
        AlertKind::DoubleBooked => t("Dubbelbokad", "Double-booked"),
        AlertKind::NotRecorded => t("Utfall saknas", "Not recorded"),
        // At most 14 characters: the width of the kind column in Today.
        AlertKind::StaffInactive => t("Ej aktiv", "Staff inactive"),
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
        AuditAction::UpdateCaregiver => t("ändrad vårdnadshavare", "edit caregiver"),
        AuditAction::RemoveCaregiver => t("borttagen vårdnadshavare", "remove caregiver"),
        AuditAction::UpdateChild => t("ändrat barn", "edit child"),
        AuditAction::RemoveChild => t("borttaget barn", "remove child"),
        AuditAction::Consent => t("samtycke", "consent"),
        AuditAction::Status => t("status", "status"),
        AuditAction::Book => t("bokning", "book"),
        AuditAction::Rebook => t("ombokning", "rebook"),
        AuditAction::Outcome => t("utfall", "outcome"),
        AuditAction::Import => t("import", "import"),
        AuditAction::Backup => t("säkerhetskopia", "backup"),
        AuditAction::Restore => t("återställning", "restore"),
        AuditAction::Repair => t("reparation av index", "index repair"),
        AuditAction::Demo => t("demodata", "demo"),
        AuditAction::ExportCalendar => t("kalenderexport", "export calendar"),
        AuditAction::ExportReport => t("rapportexport", "export report"),
        AuditAction::AuditExtract => t("loggutdrag", "audit extract"),
        AuditAction::AddMember => t("ny gruppmedlem", "add member"),
        AuditAction::RemoveMember => t("lämnade gruppen", "remove member"),
        AuditAction::Attendance => t("närvaro", "attendance"),
        AuditAction::SessionHeld => t("träff genomförd", "session held"),
        AuditAction::SessionCancelled => t("träff inställd", "session cancelled"),
        AuditAction::SessionReinstated => t("inställd träff återinsatt", "session reinstated"),
        AuditAction::Dropins => t("drop-in", "drop-ins"),
        AuditAction::Retention => t("gallring", "retention"),
        AuditAction::Encrypt => t("kryptering", "encrypt"),
        AuditAction::Decrypt => t("dekryptering", "decrypt"),
        AuditAction::Rekey => t("ny lösenfras", "rekey"),
    }
}

/// A status change as the audit log prints it: `aktiv → avslutad den 2026-11-20, flyttat`.
pub fn status_move(m: &crate::domain::status_dates::StatusMove) -> Text {
    let from = m.from.map_or_else(|| t("okänd", "unknown"), status);
    let to = status(m.to);
    let why = m.exit.map(exit_reason);
    let why = |lang| {
        why.as_ref()
            .map_or(String::new(), |w: &Text| format!(", {}", w.get(lang)))
    };
    Text::new(
        format!(
            "{} \u{2192} {} den {}{}",
            from.sv,
            to.sv,
            m.on,
            why(super::Lang::Sv)
        ),
        format!(
            "{} \u{2192} {} on {}{}",
            from.en,
            to.en,
            m.on,
            why(super::Lang::En)
        ),
    )
}

pub fn audit_entity(e: AuditEntity) -> Text {
    match e {
        AuditEntity::Family => t("familj", "family"),
        AuditEntity::Staff => t("personal", "staff"),
        AuditEntity::Visit => t("besök", "visit"),
        AuditEntity::Database => t("databas", "database"),
        AuditEntity::Group => t("grupp", "group"),
        AuditEntity::Session => t("gruppträff", "session"),
    }
}

/// A subject a visit covered, as the outcome form's checklist shows it.
pub fn theme(th: Theme) -> Text {
    match th {
        Theme::ChildDevelopment => t("barnets utveckling", "child development"),
        Theme::Feeding => t("mat och amning", "feeding"),
        Theme::Sleep => t("sömn", "sleep"),
        Theme::ChildSafety => t("barnsäkerhet", "child safety"),
        Theme::DentalHealth => t("tandhälsa", "dental health"),
        Theme::LanguageReading => t("språk och läsning", "language and reading"),
        Theme::Attachment => t("anknytning", "attachment"),
        Theme::Parenthood => t("föräldraskap", "parenthood"),
        Theme::WelfareSystem => t("samhällets stöd", "welfare system"),
        Theme::Vaccination => t("vaccinationer", "vaccination"),
        Theme::Infections => t("infektioner", "infections"),
        Theme::SocialNetwork => t("socialt nätverk", "social network"),
    }
}

/// Where a family was referred, as the outcome form's checklist shows it.
pub fn referral(r: Referral) -> Text {
    match r {
        Referral::Dental => t("tandvården", "dental care"),
        Referral::OpenPreschool => t("öppna förskolan", "open preschool"),
        Referral::Library => t("biblioteket", "library"),
        Referral::SocialServices => t("socialtjänsten", "social services"),
        Referral::MaternalHealth => t("mödrahälsovården", "maternal health care"),
        Referral::Other => t("annat", "other"),
    }
}

/// Who of the family took part in a visit, as the outcome form, the report and the family's
/// extract say it.
pub fn family_present(p: crate::domain::enums::FamilyPresent) -> Text {
    use crate::domain::enums::FamilyPresent as P;
    match p {
        P::OneCaregiver => t("en vårdnadshavare", "one caregiver"),
        P::BothCaregivers => t("båda vårdnadshavarna", "both caregivers"),
        P::WithOtherParent => t(
            "vårdnadshavare och barnets andra förälder",
            "a caregiver and the child's other parent",
        ),
    }
}

/// Words the app and the demo write into free-text fields (a caregiver's relation, a consent's
/// scope), in the interface language; anything else a coordinator typed is shown as typed.
pub fn free_text(value: &str) -> Text {
    const KNOWN: [(&str, &str); 8] = [
        ("mamma", "mother"),
        ("pappa", "father"),
        ("förälder", "parent"),
        ("förälder 1", "parent 1"),
        ("förälder 2", "parent 2"),
        ("vårdnadshavare", "guardian"),
        (
            "samverkan BVC och socialtjänst",
            "joint work of child health care and social services",
        ),
        ("extern", "external"),
    ];
    let trimmed = value.trim();
    KNOWN
        .iter()
        .find(|(sv, en)| trimmed.eq_ignore_ascii_case(sv) || trimmed.eq_ignore_ascii_case(en))
        .map_or_else(|| t(value, value), |(sv, en)| t(sv, en))
}

/// A language as the screens name it; languages are kept as typed (the demo and most registers
/// write them in Swedish), so the common ones are named in English in the English interface.
pub fn language(name: &str) -> Text {
    crate::domain::language::known(name).map_or_else(|| t(name, name), |(sv, en)| t(sv, en))
}

/// Several languages, each named in the interface language, comma-separated.
pub fn languages(names: &[String]) -> Text {
    let (sv, en): (Vec<String>, Vec<String>) = names
        .iter()
        .map(|n| {
            let l = language(n);
            (l.sv, l.en)
        })
        .unzip();
    t(&sv.join(", "), &en.join(", "))
}

/// What a Week line adds when the visit is twins' one trip.
pub fn twins() -> Text {
    t("tvillingar", "twins")
}

/// A parent-group session's status.
pub fn session_status(s: SessionStatus) -> Text {
    match s {
        SessionStatus::Planned => Text::new("planerad", "planned"),
        SessionStatus::Held => Text::new("genomförd", "held"),
        SessionStatus::Cancelled => Text::new("inställd", "cancelled"),
    }
}

pub fn attendance(s: AttendanceStatus) -> Text {
    match s {
        AttendanceStatus::Present => Text::new("närvarande", "present"),
        AttendanceStatus::Absent => Text::new("frånvarande", "absent"),
        AttendanceStatus::Excused => Text::new("anmält förhinder", "excused"),
    }
}

/// Why a week has no session, short.
pub fn skip(s: &Skip) -> Text {
    match s {
        Skip::Holiday(name) => Text::new(name.to_lowercase(), english_holiday(name)),
        Skip::Weekend => Text::new("helg", "weekend"),
        Skip::DayOff { name } => Text::new(format!("{name} ledig"), format!("{name} off")),
    }
}

fn english_holiday(name: &str) -> String {
    match name {
        "Julafton" => "Christmas Eve",
        "Juldagen" => "Christmas Day",
        "Annandag jul" => "Boxing Day",
        "Nyårsafton" => "New Year's Eve",
        "Nyårsdagen" => "New Year's Day",
        "Trettondedag jul" => "Epiphany",
        "Långfredagen" => "Good Friday",
        "Påskdagen" => "Easter Sunday",
        "Annandag påsk" => "Easter Monday",
        "Första maj" => "May Day",
        "Kristi himmelsfärdsdag" => "Ascension Day",
        "Pingstdagen" => "Whit Sunday",
        "Sveriges nationaldag" => "National Day",
        "Midsommarafton" => "Midsummer Eve",
        "Midsommardagen" => "Midsummer Day",
        "Alla helgons dag" => "All Saints' Day",
        other => other,
    }
    .to_string()
}
