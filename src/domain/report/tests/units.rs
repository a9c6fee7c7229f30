//! The database reads only the families a period's figures count (and those its visits and
//! children belong to), and where the register's other families are as units: a report from
//! such rows is the report from the whole register.

use std::collections::{BTreeSet, HashSet};

use proptest::prelude::*;

use super::properties::register;
use super::*;

/// The families `report_families` reads by its date indexes: offered, declined or exited in the
/// period, or in the programme at some time in it.
fn read_by_dates(f: &FamilyRow, first: NaiveDate, last: NaiveDate) -> bool {
    let in_p = |d: Option<NaiveDate>| d.is_some_and(|d| (first..=last).contains(&d));
    let enrolled_by_end = f.enrolled_on.is_some_and(|e| e <= last);
    in_p(f.offered_on)
        || in_p(f.declined_on)
        || f.exited_on
            .is_some_and(|x| x >= first && (x <= last || enrolled_by_end))
        || (f.exited_on.is_none() && enrolled_by_end)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_register_s_other_families_count_only_by_their_units(input in register(), k in 3u32..7) {
        let period = q3();
        let (first, last) = (period.first_day(), period.last_day());
        let whole = Report::compute(&input, period, Threshold::new(k));
        let referred: HashSet<i64> = input
            .visits
            .iter()
            .map(|v| v.family_id)
            .chain(input.children.iter().map(|c| c.family_id))
            .collect();
        let mut read = input.clone();
        read.families
            .retain(|f| read_by_dates(f, first, last) || referred.contains(&f.id));
        read.units = input
            .families
            .iter()
            .map(FamilyRow::unit)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        prop_assert_eq!(&whole, &Report::compute(&read, period, Threshold::new(k)));
    }
}
