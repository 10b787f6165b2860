DROP SEQUENCE change_counter;
