//! Exporting the report from the screen: the format and the file.

use std::path::PathBuf;

use crate::app::action::Effect;
use crate::app::form::{Field, Form, FormKind};
use crate::app::{Text, labels};
use crate::domain::quarter::Quarter;
use crate::domain::report::ReportFormat;

pub fn export(quarter: Quarter) -> Form {
    let formats = ReportFormat::ALL
        .iter()
        .map(|f| (f.as_str().to_string(), labels::report_format(*f)))
        .collect();
    let file = ReportFormat::Xlsx.default_file(quarter);
    Form::new(
        FormKind::ExportReport(quarter),
        Text::new(
            format!("Exportera rapporten {quarter}"),
            format!("Export the report {quarter}"),
        ),
        vec![
            Field::choice("format", Text::new("Format", "Format"), formats, "xlsx").hint(
                "←/→ väljer xlsx, csv eller json",
                "←/→ chooses xlsx, csv or json",
            ),
            Field::text(
                "path",
                Text::new("Fil", "File"),
                &file.display().to_string(),
            )
            .required()
            .hint(
                "i mappen appen startades i, eller en hel sökväg; filnamnet följer formatet",
                "in the folder the app was started in, or a full path; the name follows the format",
            ),
        ],
    )
}

pub fn validate(form: &mut Form) {
    let path = form.value("path");
    if path.ends_with('/') || path.ends_with('\\') {
        form.set_error(
            "path",
            Some(Text::new(
                "ange ett filnamn, inte bara en mapp",
                "name a file, not only a folder",
            )),
        );
    }
}

pub fn build(form: &Form, quarter: Quarter) -> Option<Effect> {
    let format = ReportFormat::parse(form.value("format"))?;
    let mut path = PathBuf::from(form.value("path"));
    // A name ending in another format's extension (the suggested one, or one typed) follows the
    // format chosen, so an xlsx file is never written as `.csv`; any other name is kept.
    let other = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(ReportFormat::parse)
        .is_some_and(|f| f != format);
    if other {
        path.set_extension(format.as_str());
    }
    Some(Effect::ExportReport {
        quarter,
        format,
        path,
    })
}
