import { describe, expect, it } from 'vitest';
import { ScriptSyntaxError, splitSqlScript } from './sql-splitter.js';

const sqls = (script: string, dialect: 'postgres' | 'sqlite' | 'mssql') =>
  splitSqlScript(script, dialect).map((s) => s.sql);

describe('splitSqlScript', () => {
  it('splits on semicolons and gives each statement its first line', () => {
    const script = 'create table t (a int);\n\n  insert into t values (1);\ninsert into t values (2)\n';
    expect(splitSqlScript(script, 'postgres')).toEqual([
      { sql: 'create table t (a int)', line: 1 },
      { sql: 'insert into t values (1)', line: 3 },
      { sql: 'insert into t values (2)', line: 4 },
    ]);
  });

  it('keeps semicolons inside strings, identifiers and comments', () => {
    const script = `select 'a;b', 'it''s;' as "x;y"; -- c;d\nselect 1 /* e;\n f */ + 1;`;
    expect(sqls(script, 'postgres')).toEqual([
      `select 'a;b', 'it''s;' as "x;y"`,
      '-- c;d\nselect 1 /* e;\n f */ + 1',
    ]);
    expect(sqls('select [a;b] from t; select `c;d`', 'sqlite')).toEqual([
      'select [a;b] from t',
      'select `c;d`',
    ]);
  });

  it('reads PostgreSQL dollar quotes, E-strings and nested comments', () => {
    const body = 'create function f() returns int language plpgsql as $fn$ begin return 1; end; $fn$';
    const script = `${body};\nselect $$a;b$$, E'x\\';y', $1::int;\n/* a /* b; */ c; */ select 2`;
    expect(sqls(script, 'postgres')).toEqual([
      body,
      `select $$a;b$$, E'x\\';y', $1::int`,
      '/* a /* b; */ c; */ select 2',
    ]);
  });

  it('keeps a PostgreSQL BEGIN ATOMIC body whole, but not a BEGIN statement', () => {
    const fn =
      'create function g() returns int language sql begin atomic select 1; select case when true then 2 end; end';
    expect(sqls(`begin;\n${fn};\ncommit;`, 'postgres')).toEqual(['begin', fn, 'commit']);
  });

  it('keeps a SQLite trigger body whole, CASE … END inside it included', () => {
    const trigger =
      'create trigger tr after insert on t begin update t set a = case when new.a > 0 then 1 else 0 end; insert into u values (1); end';
    expect(sqls(`${trigger};\nselect 1;`, 'sqlite')).toEqual([trigger, 'select 1']);
  });

  it('cuts SQL Server scripts into GO batches, sent whole, GO n repeating one', () => {
    const script =
      "create table t (a int);\ninsert into t values (1);\nGO\nselect 'GO';\n  go 2  \nselect 3\ngo";
    expect(splitSqlScript(script, 'mssql')).toEqual([
      { sql: 'create table t (a int);\ninsert into t values (1);', line: 1 },
      { sql: "select 'GO';", line: 4 },
      { sql: "select 'GO';", line: 4 },
      { sql: 'select 3', line: 6 },
    ]);
    expect(sqls("select 'a\nGO\nb'\nGO", 'mssql')).toEqual(["select 'a\nGO\nb'"]);
  });

  it('drops empty statements and comment-only tails', () => {
    expect(sqls(';;\nselect 1;;\n-- the end\n', 'sqlite')).toEqual(['select 1']);
  });

  it('refuses an unterminated string, identifier, dollar quote or comment, naming the line', () => {
    expect(() => splitSqlScript("select 1;\nselect 'x", 'postgres')).toThrow(
      new ScriptSyntaxError(2, 'unterminated string'),
    );
    expect(() => splitSqlScript('select $a$ x', 'postgres')).toThrow(/line 1: unterminated \$a\$ quote/);
    expect(() => splitSqlScript('\n\n/* x', 'sqlite')).toThrow(/line 3: unterminated comment/);
    expect(() => splitSqlScript('select [x', 'mssql')).toThrow(/unterminated quoted identifier/);
  });
});
