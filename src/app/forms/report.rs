//! Exporting the report from the screen: the format and the file.
use crate::app::ReportEffect;

use std::path::PathBuf;

use crate::app::action::Effect;
use crate::app::form::{Field, Form, FormKind};
use crate::app::{Text, labels};
use crate::domain::period::Period;
use crate::domain::report::ReportFormat;

pub fn export(quarter: Period) -> Form {
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

/// The file name with the chosen format's extension, when it ends in another format's one (the
/// suggested name, or one typed); any other name is kept as it is.
fn following(path: &str, format: ReportFormat) -> PathBuf {
    let mut path = PathBuf::from(path);
    let other = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(ReportFormat::parse)
        .is_some_and(|f| f != format);
    if other {
        path.set_extension(format.as_str());
    }
    path
}

pub fn validate(form: &mut Form) {
    // The file name follows the format as it is chosen (not while a name is typed), so what
    // the form shows is what is written.
    let choosing = form
        .fields
        .get(form.focus)
        .is_some_and(|f| f.id == "format");
    if let Some(format) = ReportFormat::parse(form.value("format")).filter(|_| choosing) {
        let path = following(form.value("path"), format).display().to_string();
        if path != form.value("path") {
            form.set_text("path", &path);
        }
    }
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

pub fn build(form: &Form, quarter: Period) -> Option<Effect> {
    let format = ReportFormat::parse(form.value("format"))?;
    // A name ending in another format's extension follows the format chosen, so an xlsx file
    // is never written as `.csv`.
    let path = following(form.value("path"), format);
    Some(Effect::Report(ReportEffect::Export {
        quarter,
        format,
        path,
    }))
}
