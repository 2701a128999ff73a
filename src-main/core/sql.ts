import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/** `%text%` for LIKE, with the user's own `%`, `_` and `\` matched literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column LIKE pattern ESCAPE '\'`: kysely's `like` operator has no ESCAPE clause. */
export function likeEscaped(column: Expression<unknown> | RawBuilder<unknown>, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${column} LIKE ${likePattern(text)} ESCAPE '\\'`;
}
