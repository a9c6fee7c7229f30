//! Every programme the register knows: the shipped templates and each version stored in the
//! database. The app, the imports and the calendar all look programmes up here, so they agree.

use super::builtin::{builtin_programmes, template_text};
use super::programme::{Programme, parse_programme};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    /// Stored versions first (what families follow), then the shipped ones not stored.
    programmes: Vec<Programme>,
    /// The id and version of each shipped template, in their order: what a new family gets.
    shipped: Vec<(String, u32)>,
}

impl Catalogue {
    /// The shipped templates plus `stored` (id, version, template text) from the database; a
    /// stored text that no longer parses is skipped, as the shipped version still serves.
    pub fn new(stored: &[(String, u32, String)]) -> Catalogue {
        let shipped_programmes = builtin_programmes().unwrap_or_default();
        let shipped = shipped_programmes
            .iter()
            .map(|p| (p.id.clone(), p.version))
            .collect();
        let mut programmes: Vec<Programme> = stored
            .iter()
            .filter_map(|(id, _, text)| parse_programme(id, text).ok())
            .zip(stored)
            .map(|(mut p, (_, version, _))| {
                p.version = *version;
                p
            })
            .collect();
        for p in shipped_programmes {
            if !programmes
                .iter()
                .any(|q| q.id == p.id && q.version == p.version)
            {
                programmes.push(p);
            }
        }
        Catalogue {
            programmes,
            shipped,
        }
    }

    /// The version a family follows.
    pub fn get(&self, id: &str, version: u32) -> Option<&Programme> {
        self.programmes
            .iter()
            .find(|p| p.id == id && p.version == version)
    }

    /// The version a new family gets: the shipped template of that id.
    pub fn current(&self, id: &str) -> Option<&Programme> {
        let (_, version) = self.shipped.iter().find(|(s, _)| s == id)?;
        self.get(id, *version)
    }

    /// The template text to store with a family that follows `id` in its current version.
    pub fn template_text(&self, id: &str) -> Option<&'static str> {
        template_text(id)
    }

    /// The ids a new family can be given.
    pub fn shipped_ids(&self) -> Vec<String> {
        self.shipped.iter().map(|(id, _)| id.clone()).collect()
    }

    pub fn all(&self) -> &[Programme] {
        &self.programmes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_version_is_found_beside_the_shipped_one() {
        let text = template_text("goteborg").unwrap();
        let edited = text.replacen("version = 1", "version = 7", 1);
        let stored = vec![("goteborg".to_string(), 7, edited)];
        let c = Catalogue::new(&stored);
        assert_eq!(c.get("goteborg", 7).map(|p| p.version), Some(7));
        assert!(c.get("goteborg", 1).is_some(), "the shipped version stays");
        assert!(c.get("goteborg", 3).is_none());
        assert_eq!(c.shipped_ids().len(), 5);
        assert!(c.current("nowhere").is_none());
    }
}
