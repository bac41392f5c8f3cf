import { sql, type Kysely } from 'kysely'
import { createWriteAuditTable, dropWriteAuditTable } from '../../../lib/data-entry/write-audit-table.js'

/**
 * LED conversions entered by the street-lighting department. A row in `infra.led_conversion` is applied to the
 * register in the same transaction (trigger): the light becomes LED, and the energy of its district from the
 * conversion month on changes by the difference of that one light — the rule of demo/light-energy.ts (old lamp until the
 * conversion day, LED from then on, pro rata of the month's days, each light rounded to 0.01 kWh), written in SQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createWriteAuditTable(db, 'infra')
  // The finance department's LED measures the department books conversions against (Investitionsnummern).
  await sql`create table infra.led_measure (id text primary key check (id ~ '^[0-9]+\\.[0-9]+$'), name text not null)`.execute(db)
  await sql`insert into infra.led_measure (id, name) values
    ('7.541001', 'LED Hauptverkehrsstraßen Teil I'), ('7.541002', 'LED Kofferleuchten in vier Stadtteilen'),
    ('7.541003', 'LED Hauptverkehrsstraßen Teil II'), ('7.541004', 'LED Wohnstraßen Innenstadt-Ost'),
    ('7.541005', 'LED Umrüstung Kaiserslautern-West'), ('7.541006', 'LED Umrüstung Erfenbach und Siegelbach'),
    ('7.541007', 'LED Umrüstung Betzenberg'), ('7.541008', 'LED Restumrüstung HQL-Leuchten stadtweit')`.execute(db)
  await sql`create table infra.led_conversion (
    light_id text primary key references infra.street_light,
    converted_on date not null,
    led_watt smallint not null check (led_watt > 0),
    measure_id text references infra.led_measure,
    recorded_at timestamptz not null default now()
  )`.execute(db)
  await sql`create function infra.apply_led_conversion() returns trigger language plpgsql as $$
    declare
      l infra.street_light%rowtype;
    begin
      select * into l from infra.street_light where id = new.light_id for update;
      if l.lamp_type = 'LED' or l.converted_to_led is not null then
        raise exception 'street light % is LED already', new.light_id using errcode = 'check_violation';
      end if;
      if new.converted_on < l.installed then
        raise exception 'street light % was installed on %, after %', new.light_id, l.installed, new.converted_on using errcode = 'check_violation';
      end if;
      with m as (
        select e.district_code, e.month, (e.month + interval '1 month')::date as next, h.hours
        from infra.district_energy_month e join infra.burn_hours h on h.month = extract(month from e.month)
        where e.district_code = l.district_code and e.month >= date_trunc('month', new.converted_on)::date),
      f as (
        select m.*, case when new.converted_on <= m.month then 1::numeric else (m.next - new.converted_on)::numeric / (m.next - m.month) end as led
        from m)
      update infra.district_energy_month e
        set kwh = e.kwh - round(l.watt * f.hours / 1000, 2) + round((l.watt * (1 - f.led) + new.led_watt * f.led) * f.hours / 1000, 2),
            led_lights = e.led_lights + 1
        from f where e.district_code = f.district_code and e.month = f.month;
      update infra.light_energy_month e
        set kwh = round((l.watt * (1 - f.led) + new.led_watt * f.led) * e.burn_hours / 1000, 2)
        from (select e2.month, case when new.converted_on <= e2.month then 1::numeric
                else ((e2.month + interval '1 month')::date - new.converted_on)::numeric / ((e2.month + interval '1 month')::date - e2.month) end as led
              from infra.light_energy_month e2 where e2.light_id = new.light_id and e2.month >= date_trunc('month', new.converted_on)::date) f
        where e.light_id = new.light_id and e.month = f.month;
      update infra.street_light
        set previous_lamp_type = lamp_type, previous_watt = watt, lamp_type = 'LED', watt = new.led_watt,
            converted_to_led = new.converted_on, measure_id = new.measure_id
        where id = new.light_id;
      update infra.dataset set as_of = now() where id = 'infra.energy';
      return new;
    end $$`.execute(db)
  await sql`create trigger led_conversion_apply after insert on infra.led_conversion
    for each row execute function infra.apply_led_conversion()`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table infra.led_conversion`.execute(db)
  await sql`drop function infra.apply_led_conversion()`.execute(db)
  await sql`drop table infra.led_measure`.execute(db)
  await dropWriteAuditTable(db, 'infra')
}
