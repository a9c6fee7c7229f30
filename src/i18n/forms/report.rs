//! Exporting the report from its screen: the format and the file.

use crate::domain::period::Period;
use crate::i18n::{Text, Words};

pub fn export_title(period: Period) -> Text {
    Text::new(
        format!("Exportera rapporten {period}"),
        format!("Export the report {period}"),
    )
}

pub const FORMAT: Words = Words::new("Format", "Format");
pub const FORMAT_HINT: Words = Words::new(
    "←/→ väljer xlsx, csv eller json",
    "←/→ chooses xlsx, csv or json",
);
pub const FILE: Words = Words::new("Fil", "File");
pub const FILE_HINT: Words = Words::new(
    "i mappen appen startades i, eller en hel sökväg; filnamnet följer formatet",
    "in the folder the app was started in, or a full path; the name follows the format",
);
pub const NAME_A_FILE: Words = Words::new(
    "ange ett filnamn, inte bara en mapp",
    "name a file, not only a folder",
);
