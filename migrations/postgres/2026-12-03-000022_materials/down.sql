DROP TABLE session_materials;
