DROP TABLE change_counter;
