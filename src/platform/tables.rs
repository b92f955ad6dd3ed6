//! Tables leaving the system as files: CSV (UTF-8 with a byte-order mark, so Excel opens
//! it right) or an Excel workbook, every cell written as text (a NIK written as a number
//! would lose its digits). Server only.

use crate::kernel::AppError;

/// A file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    pub fn parse(input: &str) -> Option<Self> {
        match input.trim() {
            "csv" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            _ => None,
        }
    }
}

/// A file ready to send or write.
#[derive(Debug, Clone)]
pub struct Exported {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
    /// Data rows of the first table.
    pub rows: usize,
}

/// One table: a sheet of the workbook.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The worksheet's name (at most 31 characters, as Excel wants).
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

fn failed(context: &'static str) -> impl Fn(&dyn std::fmt::Display) -> AppError {
    move |e| super::errors::internal(context, e)
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, tab or carriage return
/// first) gets a leading apostrophe, so a name typed as `=HYPERLINK(…)` stays text when the
/// CSV is opened. Numbers and phone numbers (`+62 812…`, `-5`) are left as they are.
fn csv_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let numeric = cell
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')' | '.' | ','));
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !numeric => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

fn csv_bytes(sheet: &Sheet) -> Result<Vec<u8>, AppError> {
    let fail = failed("csv export");
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(&sheet.header).map_err(|e| fail(&e))?;
    for row in &sheet.rows {
        writer
            .write_record(row.iter().map(|cell| csv_safe(cell).into_owned()))
            .map_err(|e| fail(&e))?;
    }
    writer.into_inner().map_err(|e| fail(&e))
}

fn xlsx_bytes(sheets: &[Sheet]) -> Result<Vec<u8>, AppError> {
    use rust_xlsxwriter::{Format, Workbook};
    let fail = failed("xlsx export");
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for table in sheets {
        let sheet = workbook.add_worksheet();
        let name: String = table
            .name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(&name).map_err(|e| fail(&e))?;
        for (col, title) in table.header.iter().enumerate() {
            let col = u16::try_from(col).map_err(|e| fail(&e))?;
            sheet
                .write_string_with_format(0, col, title, &bold)
                .map_err(|e| fail(&e))?;
        }
        for (index, row) in table.rows.iter().enumerate() {
            let line = u32::try_from(index + 1).map_err(|e| fail(&e))?;
            for (col, value) in row.iter().enumerate() {
                let col = u16::try_from(col).map_err(|e| fail(&e))?;
                sheet.write_string(line, col, value).map_err(|e| fail(&e))?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| fail(&e))?;
        sheet.autofit();
    }
    workbook.save_to_buffer().map_err(|e| fail(&e))
}

/// `sheets` as one file named `stem`: CSV holds the first table, a workbook all of them.
///
/// # Errors
/// `Internal` if the writer fails (never for the data itself).
pub fn export(format: ExportFormat, stem: &str, sheets: &[Sheet]) -> Result<Exported, AppError> {
    let (bytes, extension, content_type) = match format {
        ExportFormat::Csv => (
            sheets.first().map(csv_bytes).transpose()?.unwrap_or_default(),
            "csv",
            "text/csv; charset=utf-8",
        ),
        ExportFormat::Xlsx => (
            xlsx_bytes(sheets)?,
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    };
    Ok(Exported {
        file_name: format!("{stem}.{extension}"),
        content_type,
        bytes,
        rows: sheets.first().map_or(0, |s| s.rows.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::csv_safe;

    #[test]
    fn formulas_stay_text_and_numbers_stay_numbers() {
        assert_eq!(csv_safe("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(csv_safe("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(csv_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_safe("+6281211112026"), "+6281211112026");
        assert_eq!(csv_safe("-5"), "-5");
        assert_eq!(csv_safe("Dewi Lestari"), "Dewi Lestari");
        assert_eq!(csv_safe(""), "");
    }
}
