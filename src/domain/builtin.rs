//! The programme templates shipped in `assets/programmes/`, embedded in the binary.

use super::programme::{Programme, TemplateError, parse_programme};

/// File name and text of every shipped template.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "rinkeby.toml",
        include_str!("../../assets/programmes/rinkeby.toml"),
    ),
    (
        "goteborg.toml",
        include_str!("../../assets/programmes/goteborg.toml"),
    ),
    (
        "grastorp.toml",
        include_str!("../../assets/programmes/grastorp.toml"),
    ),
    (
        "vaxa_tryggt.toml",
        include_str!("../../assets/programmes/vaxa_tryggt.toml"),
    ),
    (
        "ordinary.toml",
        include_str!("../../assets/programmes/ordinary.toml"),
    ),
];

/// Parses every shipped template; a broken one is a build mistake the tests catch.
pub fn builtin_programmes() -> Result<Vec<Programme>, TemplateError> {
    TEMPLATES
        .iter()
        .map(|(file, text)| parse_programme(&format!("assets/programmes/{file}"), text))
        .collect()
}

/// The shipped template's text for a programme id, to store with the families that follow it.
pub fn template_text(id: &str) -> Option<&'static str> {
    TEMPLATES
        .iter()
        .find(|(file, _)| file.strip_suffix(".toml") == Some(id))
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::enums::Role;

    #[test]
    fn every_shipped_template_loads_with_its_file_name_as_id() {
        let all = builtin_programmes().unwrap();
        let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(
            ids,
            ["rinkeby", "goteborg", "grastorp", "vaxa_tryggt", "ordinary"]
        );
        for p in &all {
            assert_eq!(
                template_text(&p.id).map(|t| t.contains(&p.name)),
                Some(true)
            );
        }
    }

    #[test]
    fn shipped_schedules_match_the_design() {
        let all = builtin_programmes().unwrap();
        let count = |id: &str| all.iter().find(|p| p.id == id).unwrap().visits.len();
        assert_eq!(count("rinkeby"), 6);
        assert_eq!(count("goteborg"), 6);
        assert_eq!(count("grastorp"), 4);
        assert_eq!(count("vaxa_tryggt"), 6);
        assert_eq!(count("ordinary"), 2);
        let vaxa = all.iter().find(|p| p.id == "vaxa_tryggt").unwrap();
        assert!(vaxa.visit(4).unwrap().roles.contains(&Role::Dental));
        let grastorp = all.iter().find(|p| p.id == "grastorp").unwrap();
        let with_therapist = grastorp
            .visits
            .iter()
            .filter(|v| v.roles.contains(&Role::FamilyTherapist))
            .count();
        assert_eq!(with_therapist, 2);
    }
}
