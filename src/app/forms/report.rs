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
    let typed = PathBuf::from(form.value("path"));
    // The suggested name of another format follows the chosen one; a name typed is kept.
    let path = if ReportFormat::ALL
        .iter()
        .any(|f| typed == f.default_file(quarter))
    {
        format.default_file(quarter)
    } else {
        typed
    };
    Some(Effect::ExportReport {
        quarter,
        format,
        path,
    })
}
