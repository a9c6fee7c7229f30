//! The ids of form fields: every field any form has, by name.

/// Which field of a form. An id is a name the compiler knows, so a misspelt one does not
/// build; asking a form for a field it does not have is a mistake the tests catch (see
/// [`Form::value`]). One enum for every form rather than one per kind: the forms share fields
/// (a caregiver's in a new family and on its own, a series' new and edited), and what handles
/// any form (the modal, its widget, `forms::validate`) would otherwise need a form per id type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldId {
    // A family.
    FamilyRef,
    FamilyName,
    Programme,
    Area,
    Clinic,
    Address,
    Phone,
    Languages,
    InterpreterLanguage,
    Protection,
    Eligibility,
    // A family's people; `Who` chooses which one a form changes.
    Who,
    CaregiverName,
    Relation,
    CaregiverIdKind,
    CaregiverId,
    ChildName,
    ChildBirthDate,
    ChildId,
    BornInSweden,
    // Consent, and leaving the programme.
    GivenBy,
    ConsentScope,
    GivenOn,
    ConsentMethod,
    WithdrawnOn,
    ExitReason,
    ExitNote,
    ExitedOn,
    // The other days of a family's status changes.
    OfferedOn,
    EnrolledOn,
    DeclinedOn,
    PausedOn,
    // A staff member (with `Languages`).
    Name,
    Role,
    Organisation,
    WorkDays,
    WorkHours,
    Active,
    // A visit's outcome: whether each of its staff came, by their place in the visit.
    Outcome,
    Attended(u8),
    /// Which of the family were there.
    FamilyPresent,
    InterpreterUsed,
    Themes,
    Referrals,
    /// Why: a visit was cancelled, a booking breaks a rule, a session is cancelled.
    Reason,
    // Booking by hand: who goes in each of the visit's roles, by the role's place in the plan.
    Date,
    Time,
    Duration,
    Location,
    StaffInRole(u8),
    Interpreter,
    // A parent-group series (with `Name` and `Duration`), and a family leaving it.
    Method,
    Language,
    Place,
    Leaders,
    Capacity,
    First,
    Count,
    BornFrom,
    BornTo,
    Family,
    // Exporting the report.
    Format,
    Path,
}
