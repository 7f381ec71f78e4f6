package id.pintu.calendar;

import java.time.LocalDate;

/** A day the office is closed although its weekday is a working day. */
public record Holiday(LocalDate date, String name, HolidayType type) {}
