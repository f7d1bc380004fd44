SELECT 'unterminated ;
CREATE TABLE t (id int);
