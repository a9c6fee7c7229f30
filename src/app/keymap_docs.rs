//! The keymap as documentation: the README's table and the manual's KEYS section, generated
//! from the one table so that they cannot drift from what the keys do.

use std::fmt::Write as _;

use super::keymap::{EDITING_KEYS, Scope, bindings_in, key_label, keys_label};

/// Every scope, in the order the documentation lists them.
const DOC_SCOPES: [Scope; 19] = [
    Scope::Global,
    Scope::List,
    Scope::Today,
    Scope::Week,
    Scope::PickStaff,
    Scope::Families,
    Scope::Search,
    Scope::FamilyPage,
    Scope::Booking,
    Scope::Groups,
    Scope::GroupPage,
    Scope::RollCall,
    Scope::PickMembers,
    Scope::Staff,
    Scope::StaffSearch,
    Scope::Report,
    Scope::Form,
    Scope::Confirm,
    Scope::Help,
];

/// The keys as a Markdown table, for the README.
pub fn markdown_table() -> String {
    let mut out = String::from("| where | keys | what |\n|---|---|---|\n");
    for scope in DOC_SCOPES {
        for b in bindings_in(&[scope]) {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("`{}`", key_label(*k).replace('|', "\\|")))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                scope.title().1,
                keys.join(" "),
                b.en
            );
        }
        if scope == Scope::Form {
            for e in &EDITING_KEYS {
                let keys: Vec<String> = e.keys.map_or_else(
                    || vec![format!("`{}`", e.label())],
                    |keys| {
                        keys.iter()
                            .map(|k| format!("`{}`", key_label(*k)))
                            .collect()
                    },
                );
                let _ = writeln!(
                    out,
                    "| {} | {} | {} |",
                    scope.title().1,
                    keys.join(" "),
                    e.en
                );
            }
        }
        if scope == Scope::Confirm {
            out.push_str("| Questions | `j` `J` | yes, in Swedish (*ja*) |\n");
            out.push_str("| Questions | `n` `N` | no |\n");
        }
    }
    out
}

/// The keys as a man-page section body.
pub fn roff_section() -> String {
    let mut out = String::new();
    for scope in DOC_SCOPES {
        let _ = writeln!(out, ".SS {}", scope.title().1);
        for b in bindings_in(&[scope]) {
            let _ = writeln!(
                out,
                ".TP\n.B {}\n{}",
                keys_label(b.keys).replace('-', "\\-"),
                b.en
            );
        }
        if scope == Scope::Form {
            for e in &EDITING_KEYS {
                let _ = writeln!(out, ".TP\n.B {}\n{}", e.label().replace('-', "\\-"), e.en);
            }
        }
        if scope == Scope::Confirm {
            out.push_str(".TP\n.B j/J\nyes, in Swedish (ja)\n");
            out.push_str(".TP\n.B n/N\nno\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scope with keys but missing here would be left out of the README and the manual.
    #[test]
    fn every_scope_with_keys_is_documented() {
        for b in super::super::keymap::bindings() {
            assert!(
                DOC_SCOPES.contains(&b.scope),
                "{:?} is not documented",
                b.scope
            );
        }
    }
}
