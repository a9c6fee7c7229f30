//! Exporting the report from the screen: the format and the file.
use crate::app::ReportEffect;

use std::path::PathBuf;

use crate::app::action::Effect;
use crate::app::form::{Field, FieldId as F, Form, FormKind};
use crate::app::labels;
use crate::domain::period::Period;
use crate::domain::report::ReportFormat;
use crate::i18n::forms as w;

pub fn export(quarter: Period) -> Form {
    let formats = ReportFormat::ALL
        .iter()
        .map(|f| (f.as_str().to_string(), labels::report_format(*f)))
        .collect();
    let file = ReportFormat::Xlsx.default_file(quarter);
    Form::new(
        FormKind::ExportReport(quarter),
        w::export_title(quarter),
        vec![
            Field::choice(F::Format, w::FORMAT, formats, "xlsx").hint(w::FORMAT_HINT),
            Field::text(F::Path, w::FILE, &file.display().to_string())
                .required()
                .hint(w::FILE_HINT),
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
        .is_some_and(|f| f.id == F::Format);
    if let Some(format) = ReportFormat::parse(form.value(F::Format)).filter(|_| choosing) {
        let path = following(form.value(F::Path), format).display().to_string();
        if path != form.value(F::Path) {
            form.set_text(F::Path, &path);
        }
    }
    let path = form.value(F::Path);
    if path.ends_with('/') || path.ends_with('\\') {
        form.set_error(F::Path, Some(w::NAME_A_FILE.into()));
    }
}

pub fn build(form: &Form, quarter: Period) -> Option<Effect> {
    let format = ReportFormat::parse(form.value(F::Format))?;
    // A name ending in another format's extension follows the format chosen, so an xlsx file
    // is never written as `.csv`.
    let path = following(form.value(F::Path), format);
    Some(Effect::Report(ReportEffect::Export {
        quarter,
        format,
        path,
    }))
}
