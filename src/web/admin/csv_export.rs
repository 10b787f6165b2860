//! `/admin/sessions/{id}/registrations.csv`: UTF-8 with a BOM (Excel reads
//! it as UTF-8 then), every cell that a spreadsheet would run as a formula
//! neutralised. The column names and country names are in the exporting
//! person's language (in English, the column names are the API's field
//! names); the cells keep the stored words (statuses, roles) that scripts
//! match on.

use super::Staff;
use crate::db::ids::SessionId;
use crate::db::models::Registration;
use crate::db::reference::Reference;
use crate::db::registrations as registration_store;
use crate::db::sessions as session_store;
use crate::domain::lang::Lang;
use crate::domain::questions::{Question, answer_text, stored_answers};
use crate::domain::registration::RegistrationStatus;
use crate::error::AppError;
use crate::web::PageError;
use crate::web::{State, blocking};
use actix_web::{HttpRequest, HttpResponse, web};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions/{id}/registrations.csv", web::get().to(export));
}

/// A cell a spreadsheet would take for a formula gets a leading apostrophe.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_string() }
}

/// Rows as a CSV file for spreadsheets: UTF-8 with a byte-order mark (so
/// Excel reads the accents), every cell neutralised.
pub fn spreadsheet<R, C>(rows: impl IntoIterator<Item = R>) -> Result<Vec<u8>, crate::error::AppError>
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let fail = |e: String| crate::error::AppError::Internal(anyhow::anyhow!("csv: {e}"));
    let mut out = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    for row in rows {
        out.write_record(row.into_iter().map(|c| neutralise(c.as_ref()))).map_err(|e| fail(e.to_string()))?;
    }
    out.into_inner().map_err(|e| fail(e.to_string()))
}

async fn export(
    req: HttpRequest,
    state: State,
    user: Staff,
    id: web::Path<SessionId>,
) -> Result<HttpResponse, PageError> {
    let lang = crate::web::public::language(&req);
    let id = id.into_inner();
    let actor = user.actor();
    let list = blocking(&state.pool, move |conn| {
        let session = session_store::find(conn, id)?.ok_or(AppError::NotFound)?;
        user.require_session(session.row.organising_region_id)?;
        let list = registration_store::for_session(conn, id)?;
        let questions = session.questions();
        // Personal data leaving the service is a change worth a record.
        crate::db::audit::record(
            conn,
            &actor,
            "registrations.export",
            Some(id),
            None,
            &serde_json::Value::Null,
            &serde_json::json!({"rows": list.len()}),
        )?;
        Ok::<_, PageError>((list, questions))
    })
    .await?;
    let (list, questions) = list;
    let csv = table(&list, &questions, &state.reference(), lang)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"session-{id}-registrations.csv\"")))
        .insert_header(("Cache-Control", "no-store"))
        .body(csv))
}

const HEADER: [&str; 19] = [
    "id",
    "status",
    "waitlist_position",
    "name",
    "email",
    "organisation",
    "position",
    "country",
    "country_name",
    "time_zone",
    "registered_at_utc",
    "answers",
    "role",
    "note",
    "nominated_by",
    "attendance",
    "minutes_present",
    "attendance_mode",
    "interpretation",
];

/// The registrations as CSV bytes, BOM first.
/// After the fixed columns, one per question of the session, headed by its
/// label, so a spreadsheet can sort and count each answer.
fn table(
    list: &[Registration],
    questions: &[Question],
    reference: &Reference,
    lang: Lang,
) -> Result<Vec<u8>, crate::error::AppError> {
    let header: Vec<String> = HEADER
        .iter()
        .map(|column| crate::i18n::t(lang, &format!("csv-{column}")))
        .chain(questions.iter().map(|q| q.label.clone()))
        .collect();
    let mut rows = vec![header];
    let mut position = 0;
    for r in list {
        let place = if r.status() == RegistrationStatus::Waitlisted {
            position += 1;
            position.to_string()
        } else {
            String::new()
        };
        let answers: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&r.answers).unwrap_or_default();
        let answers = answers
            .iter()
            .map(|(k, v)| format!("{k}: {}", v.as_str().map(String::from).unwrap_or_else(|| v.to_string())))
            .collect::<Vec<_>>()
            .join("; ");
        let country_name = reference.country(&r.country_iso2).map(|c| c.name_in(lang)).unwrap_or_default();
        let cells = [
            r.id.to_string(),
            r.status.as_str().into(),
            place,
            r.name.clone(),
            r.email.clone(),
            r.organisation.clone(),
            r.position.clone(),
            r.country_iso2.clone(),
            country_name,
            r.time_zone.clone(),
            r.created_at.format("%Y-%m-%d %H:%M:%S").to_string(),
            answers,
            r.role.as_str().into(),
            r.note.clone(),
            r.nominated_by.clone(),
            r.attendance.as_str().into(),
            r.attended_minutes.map(|m| m.to_string()).unwrap_or_default(),
            r.attendance_mode.as_str().into(),
            r.interpretation.clone(),
        ];
        let given = stored_answers(&r.answers);
        let per_question = questions.iter().map(|q| answer_text(given.get(&q.key), lang));
        rows.push(cells.into_iter().chain(per_question).collect());
    }
    spreadsheet(rows)
}
