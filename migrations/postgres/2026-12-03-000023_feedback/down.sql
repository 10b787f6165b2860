DROP TABLE feedback_answers;
DROP TABLE feedback_requests;
DROP TABLE feedback_forms;
