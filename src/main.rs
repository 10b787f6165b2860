#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
use anyhow::Context;
use convene::cli::{self, AdminCommand, Command, OutboxCommand, TokenCommand};
use convene::db::{accounts, outbox};
use convene::domain::email::EmailAddress;
use convene::settings::Settings;
use convene::startup::{Application, open_database};
use convene::telemetry;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cli::parse();
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("convene: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(settings.log_json);
    match run(cli.command.unwrap_or(Command::Serve), settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("convene: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Serve => {
            limit_malloc_arenas();
            let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
            runtime.block_on(serve(settings))
        }
        Command::Migrate => {
            open_database(&settings)?;
            println!("database is up to date");
            Ok(())
        }
        Command::Admin(AdminCommand::Create { email, role, regions, countries }) => {
            let email = EmailAddress::parse(&email).map_err(|m| anyhow::anyhow!("--email {m}"))?;
            if ![accounts::ROLE_ADMIN, accounts::ROLE_ORGANISER, accounts::ROLE_FOCAL_POINT].contains(&role.as_str()) {
                anyhow::bail!("--role must be admin, organiser or focal-point");
            }
            if role == accounts::ROLE_ORGANISER && regions.is_empty() {
                anyhow::bail!("an organiser needs at least one --region");
            }
            if role == accounts::ROLE_FOCAL_POINT && countries.is_empty() {
                anyhow::bail!("a focal point needs at least one --country");
            }
            let mut conn = open_database(&settings)?;
            let reference = convene::db::reference::Reference::load(&mut conn)?;
            let region_ids = regions
                .iter()
                .map(|slug| {
                    reference.region(slug).map(|r| r.id).ok_or_else(|| anyhow::anyhow!("--region {slug}: unknown"))
                })
                .collect::<anyhow::Result<Vec<i32>>>()?;
            let countries = countries
                .iter()
                .map(|code| {
                    let iso2 = code.trim().to_ascii_uppercase();
                    reference
                        .country(&iso2)
                        .map(|c| c.iso2.clone())
                        .ok_or_else(|| anyhow::anyhow!("--country {code}: unknown"))
                })
                .collect::<anyhow::Result<Vec<String>>>()?;
            // Each role keeps only what applies to it.
            let (region_ids, countries) = match role.as_str() {
                accounts::ROLE_ORGANISER => (region_ids, Vec::new()),
                accounts::ROLE_FOCAL_POINT => (Vec::new(), countries),
                _ => (Vec::new(), Vec::new()),
            };
            let password = read_password()?;
            let created = accounts::upsert_user(&mut conn, &email, &password, &role, &region_ids, &countries)?;
            println!("{} {role} {email}", if created { "created" } else { "updated" });
            Ok(())
        }
        Command::Outbox(OutboxCommand::List { status, limit }) => {
            if let Some(s) = &status
                && ![outbox::QUEUED, outbox::SENDING, outbox::SENT, outbox::FAILED].contains(&s.as_str())
            {
                anyhow::bail!("--status must be queued, sending, sent or failed");
            }
            let rows = outbox::recent(&mut open_database(&settings)?, status.as_deref(), limit.clamp(1, 10_000))?;
            println!(
                "{:>6}  {:<8}  {:>8}  {:<20}  {:<32}  subject / last error",
                "id", "status", "attempts", "queued (UTC)", "to"
            );
            for r in rows {
                println!(
                    "{:>6}  {:<8}  {:>8}  {:<20}  {:<32}  {}{}",
                    r.id,
                    r.status,
                    r.attempts,
                    r.created_at.format("%Y-%m-%d %H:%M:%S"),
                    r.recipient_email,
                    r.subject,
                    if r.last_error.is_empty() { String::new() } else { format!(" [{}]", r.last_error) }
                );
            }
            Ok(())
        }
        Command::Purge => {
            if settings.retention_days == 0 {
                println!("CONVENE_RETENTION_DAYS is 0: personal data is kept");
                return Ok(());
            }
            let days = settings.retention_days;
            let n = convene::jobs::retention::purge(&mut open_database(&settings)?, days, convene::db::now())?;
            println!("{n} registration(s) anonymised (sessions that ended more than {days} days ago)");
            Ok(())
        }
        Command::Backup { path } => {
            convene::db::backup(&mut open_database(&settings)?, &path)?;
            println!("backup written to {}", path.display());
            Ok(())
        }
        Command::Outbox(OutboxCommand::Retry { id }) => {
            let n = outbox::retry(&mut open_database(&settings)?, id, convene::db::now())?;
            println!("{n} email(s) queued again");
            Ok(())
        }
        Command::Token(TokenCommand::Create { name, account }) => {
            let name = name.trim();
            if name.is_empty() || name.len() > 100 || name.chars().any(char::is_control) {
                anyhow::bail!("--name must be 1 to 100 characters on one line");
            }
            let mut conn = open_database(&settings)?;
            let account = match account {
                None => None,
                Some(email) => {
                    let email = EmailAddress::parse(&email).map_err(|m| anyhow::anyhow!("--account {m}"))?;
                    let user = accounts::find_by_email(&mut conn, email.as_str())?
                        .ok_or_else(|| anyhow::anyhow!("--account {email}: no such account"))?;
                    if user.disabled {
                        anyhow::bail!("--account {email}: the account is disabled");
                    }
                    Some(user.id)
                }
            };
            let token = accounts::create_token(&mut conn, name, account)?;
            println!("API token {name:?} created; it is shown only once:");
            println!("{token}");
            Ok(())
        }
    }
}

fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password (at least 12 characters): ");
    }
    let mut line = String::new();
    stdin.lock().read_line(&mut line).context("cannot read the password from stdin")?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    if password.chars().count() < 12 {
        anyhow::bail!("the password must have at least 12 characters");
    }
    Ok(password)
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let backend = settings.database_url.backend();
    let app = Application::build(settings).await?;
    tracing::info!(port = app.port(), backend, tzdb = convene::domain::zone::tzdb_version(), "convene is listening");
    // A closed stdout (a supervisor that stopped reading) must not stop
    // the server, so these lines ignore write errors.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "Convene is running at {}/", app.base_url());
    let _ = writeln!(out, "Create an admin with: convene admin create --email you@example.org  (password on stdin)");
    let _ = out.flush();
    drop(out);
    app.run_until_stopped().await?;
    tracing::info!("stopped");
    Ok(())
}

/// glibc gives each thread that allocates its own arena, up to eight per
/// core, and keeps what each grew to: under mixed load the server's
/// resident memory was two thirds arenas (64 MiB after a minute; 49 MiB
/// with two). One arena per core (at least two) is set here, before any
/// thread starts; an operator's own `MALLOC_ARENA_MAX` wins.
fn limit_malloc_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()).max(2);
        let arenas = libc::c_int::try_from(cores).unwrap_or(2);
        // SAFETY: mallopt only sets a tuning value of the allocator; it is
        // called before the runtime starts any thread.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, arenas);
        }
    }
}
