// @generated automatically by Diesel CLI.

diesel::table! {
    access_links (token_hash) {
        token_hash -> Text,
        email -> Text,
        expires_at -> Timestamp,
        created_at -> Timestamp,
    }
}

diesel::table! {
    address_feeds (email) {
        email -> Text,
        secret_nonce -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    admin_sessions (token_hash) {
        token_hash -> Text,
        user_id -> Int4,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Int4,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        user_id -> Nullable<Int4>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Int4,
        at -> Timestamp,
        actor -> Text,
        action -> Text,
        session_id -> Nullable<Int4>,
        registration_id -> Nullable<Int4>,
        before -> Text,
        after -> Text,
    }
}

diesel::table! {
    countries (iso2) {
        iso2 -> Text,
        name -> Text,
        status -> Text,
    }
}

diesel::table! {
    country_regions (country_iso2, region_id) {
        country_iso2 -> Text,
        region_id -> Int4,
    }
}

diesel::table! {
    country_time_zones (country_iso2, time_zone) {
        country_iso2 -> Text,
        time_zone -> Text,
        position -> Int4,
    }
}

diesel::table! {
    feedback_answers (id) {
        id -> Text,
        session_id -> Int4,
        registration_id -> Nullable<Int4>,
        answers -> Text,
    }
}

diesel::table! {
    feedback_forms (session_id) {
        session_id -> Int4,
        questions -> Text,
        anonymous -> Bool,
        send_after_hours -> Int4,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    feedback_requests (registration_id) {
        registration_id -> Int4,
        session_id -> Int4,
        token_hash -> Text,
        sent_at -> Timestamp,
        reminded_at -> Nullable<Timestamp>,
        answered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_throttle (address_hash, client) {
        address_hash -> Text,
        client -> Text,
        attempts -> Int4,
        window_start -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> Int4,
        message_id -> Text,
        kind -> Text,
        registration_id -> Nullable<Int4>,
        recipient_email -> Text,
        recipient_name -> Text,
        reply_to -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        ics_method -> Text,
        ics -> Text,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamp,
        lease_until -> Nullable<Timestamp>,
        last_error -> Text,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        attachment_name -> Text,
        attachment_type -> Text,
        attachment -> Nullable<Binary>,
        qr_text -> Text,
    }
}

diesel::table! {
    regions (id) {
        id -> Int4,
        slug -> Text,
        name -> Text,
        secretariat_city -> Text,
        position -> Int4,
    }
}

diesel::table! {
    registrations (id) {
        id -> Int4,
        session_id -> Int4,
        name -> Text,
        email -> Text,
        organisation -> Text,
        position -> Text,
        country_iso2 -> Text,
        time_zone -> Text,
        status -> Text,
        answers -> Text,
        secret_nonce -> Text,
        feed_generation -> Int4,
        manage_token_hash -> Text,
        feed_token_hash -> Text,
        consented_at -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        calendar_bump -> Int4,
        reminder_first_sent_at -> Nullable<Timestamp>,
        reminder_second_sent_at -> Nullable<Timestamp>,
        attendance -> Nullable<Text>,
        language -> Text,
        role -> Text,
        note -> Text,
        nominated_by -> Text,
        attended_minutes -> Nullable<Int4>,
        checked_in_at -> Nullable<Timestamp>,
        attendance_mode -> Text,
        interpretation -> Text,
        wants_room -> Bool,
        gender -> Text,
        series_invite -> Bool,
    }
}

diesel::table! {
    network_settings (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    server_secrets (name) {
        name -> Text,
        value -> Text,
    }
}

diesel::table! {
    session_countries (session_id, country_iso2) {
        session_id -> Int4,
        country_iso2 -> Text,
    }
}

diesel::table! {
    session_materials (id) {
        id -> Int4,
        session_id -> Int4,
        title -> Text,
        url -> Text,
        stored_name -> Text,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> Int8,
        audience -> Text,
        created_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    session_quotas (session_id, country_iso2) {
        session_id -> Int4,
        country_iso2 -> Text,
        places -> Int4,
    }
}

diesel::table! {
    session_regions (session_id, region_id) {
        session_id -> Int4,
        region_id -> Int4,
    }
}

diesel::table! {
    session_topics (session_id, topic_id) {
        session_id -> Int4,
        topic_id -> Int4,
    }
}

diesel::table! {
    series (id) {
        id -> Int4,
        title -> Text,
        time_zone -> Text,
        repeat -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Int4,
        title -> Text,
        summary -> Text,
        description -> Text,
        kind -> Text,
        format -> Text,
        time_zone -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
        capacity -> Nullable<Int4>,
        waitlist -> Bool,
        seats_taken -> Int4,
        language -> Text,
        requires_approval -> Bool,
        registration_opens_at -> Nullable<Timestamp>,
        registration_closes_at -> Nullable<Timestamp>,
        location -> Text,
        join_url -> Text,
        status -> Text,
        sequence -> Int4,
        is_demo -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        questions -> Text,
        series_id -> Nullable<Int4>,
        organising_region_id -> Nullable<Int4>,
        country_quota -> Nullable<Int4>,
        participation -> Text,
        nominations_close_at -> Nullable<Timestamp>,
        quota_release -> Bool,
        recurrence_at -> Nullable<Timestamp>,
        search_text -> Text,
    }
}

diesel::table! {
    topics (id) {
        id -> Int4,
        slug -> Text,
        name -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Int4,
        email -> Text,
        password_hash -> Text,
        role -> Text,
        created_at -> Timestamp,
        failed_logins -> Int4,
        locked_until -> Nullable<Timestamp>,
        disabled -> Bool,
    }
}

diesel::table! {
    user_countries (user_id, country_iso2) {
        user_id -> Int4,
        country_iso2 -> Text,
    }
}

diesel::table! {
    user_regions (user_id, region_id) {
        user_id -> Int4,
        region_id -> Int4,
    }
}

diesel::table! {
    certificates (id) {
        id -> Int4,
        registration_id -> Int4,
        session_id -> Int4,
        year -> Int4,
        number -> Int4,
        code -> Text,
        name -> Text,
        organisation -> Text,
        country_iso2 -> Text,
        issued_at -> Timestamp,
        reissued_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        emailed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    certificate_counters (year) {
        year -> Int4,
        last -> Int4,
    }
}

diesel::table! {
    session_venues (session_id) {
        session_id -> Int4,
        in_person_capacity -> Nullable<Int4>,
        room_seats_taken -> Int4,
        venue_name -> Text,
        venue_address -> Text,
        venue_city -> Text,
        interpretation -> Text,
    }
}

diesel::table! {
    waitlist_lengths (session_id) {
        session_id -> Int4,
        waitlisted -> Int4,
    }
}

diesel::joinable!(session_venues -> sessions (session_id));
diesel::joinable!(waitlist_lengths -> sessions (session_id));
diesel::joinable!(session_materials -> sessions (session_id));
diesel::joinable!(feedback_requests -> registrations (registration_id));
diesel::joinable!(certificates -> registrations (registration_id));
diesel::joinable!(certificates -> sessions (session_id));
diesel::joinable!(admin_sessions -> users (user_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(user_countries -> users (user_id));
diesel::joinable!(session_quotas -> sessions (session_id));
diesel::joinable!(session_quotas -> countries (country_iso2));
diesel::joinable!(user_countries -> countries (country_iso2));
diesel::joinable!(country_regions -> countries (country_iso2));
diesel::joinable!(country_regions -> regions (region_id));
diesel::joinable!(country_time_zones -> countries (country_iso2));
diesel::joinable!(registrations -> countries (country_iso2));
diesel::joinable!(registrations -> sessions (session_id));
diesel::joinable!(session_countries -> countries (country_iso2));
diesel::joinable!(session_countries -> sessions (session_id));
diesel::joinable!(session_regions -> regions (region_id));
diesel::joinable!(session_regions -> sessions (session_id));
diesel::joinable!(session_topics -> sessions (session_id));
diesel::joinable!(session_topics -> topics (topic_id));
diesel::joinable!(sessions -> regions (organising_region_id));
diesel::joinable!(sessions -> series (series_id));
diesel::joinable!(user_regions -> regions (region_id));
diesel::joinable!(user_regions -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    access_links,
    address_feeds,
    admin_sessions,
    api_tokens,
    audit_log,
    certificate_counters,
    certificates,
    countries,
    country_regions,
    country_time_zones,
    feedback_answers,
    feedback_forms,
    feedback_requests,
    login_throttle,
    network_settings,
    outbox,
    regions,
    registrations,
    series,
    server_secrets,
    session_countries,
    session_materials,
    session_quotas,
    session_regions,
    session_topics,
    session_venues,
    sessions,
    topics,
    user_countries,
    user_regions,
    users,
    waitlist_lengths,
);
