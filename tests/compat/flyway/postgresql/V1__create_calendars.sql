CREATE TABLE exchange_calendar (
    exchange  varchar(8) NOT NULL,
    day       date NOT NULL,
    is_open   boolean NOT NULL DEFAULT true,
    CONSTRAINT exchange_calendar_pk PRIMARY KEY (exchange, day)
);
