DROP TABLE reference_generation;
