//! Who of the family took part in the programme visits done: a small register worked out by
//! hand, k = 5.

use super::*;
use crate::domain::enums::FamilyPresent as P;

/// 20 families in two areas; one programme visit done each in the quarter: 6 with one
/// caregiver, 5 with both, 5 with the other parent, 4 not recorded. Besides: an extra visit
/// done with both caregivers and a programme visit the family cancelled, neither counted.
fn input() -> ReportInput {
    let mut families = Vec::new();
    let mut visits = Vec::new();
    for id in 1..=20 {
        let mut f = family(id, if id <= 10 { "Norr" } else { "Söder" }, "BVC");
        f.offered_on = Some(d(1, 10));
        f.enrolled_on = Some(d(1, 10));
        families.push(f);
        let mut v = visit(id, Some(2), V::Done, d(8, 3));
        v.family_present = match id {
            1..=6 => Some(P::OneCaregiver),
            7..=11 => Some(P::BothCaregivers),
            12..=16 => Some(P::WithOtherParent),
            _ => None,
        };
        visits.push(v);
    }
    let mut extra = visit(1, None, V::Done, d(8, 10));
    extra.family_present = Some(P::BothCaregivers);
    visits.push(extra);
    visits.push(visit(2, Some(3), V::CancelledFamily, d(9, 1)));
    ReportInput {
        families,
        visits,
        ..ReportInput::default()
    }
}

#[test]
fn programme_visits_done_are_counted_by_who_of_the_family_took_part() {
    let r = Report::compute(&input(), q3(), Threshold::default());
    let at = |cat| {
        r.cell(IndicatorId::VisitsFamilyPresent, &Place::Municipality, cat)
            .unwrap_or_else(|| panic!("no cell {cat:?}"))
    };
    let categories = [
        (Category::Present(P::OneCaregiver), 6),
        (Category::Present(P::BothCaregivers), 5),
        (Category::Present(P::WithOtherParent), 5),
        (Category::PresentNotRecorded, 4),
    ];
    for (cat, n) in categories {
        assert_eq!(at(Some(cat)).figure, Figure::Count(n), "{cat:?}");
    }
    // The total is the programme visits done: the extra visit and the cancelled one are not in it,
    // and it is the joint visit share's denominator.
    assert_eq!(at(None).figure, Figure::Count(20));
    let joint = r
        .cell(
            IndicatorId::JointVisitShare,
            &Place::Municipality,
            Some(Category::Denominator),
        )
        .unwrap();
    assert_eq!(joint.figure, Figure::Count(20));
    // Four not recorded is a small count: hidden, and with it at least one other category, as
    // the categories add up to the total; whatever else the file hides, no reader can work a
    // hidden one out.
    assert_eq!(
        at(Some(Category::PresentNotRecorded)).status(),
        Status::Hidden
    );
    let hidden = categories
        .iter()
        .filter(|(c, _)| at(Some(*c)).status() == Status::Hidden)
        .count();
    assert!(hidden >= 2, "{hidden} hidden");
    assert!(r.audit.exposed.is_empty());
    let exposed = exposed_cells(&r.cells, &r.nests, r.threshold, &[]);
    assert!(exposed.is_empty(), "{exposed:?}");
}
