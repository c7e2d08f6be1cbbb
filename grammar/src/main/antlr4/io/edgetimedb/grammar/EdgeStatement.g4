/*
 * The EdgeTimeDB statements that Apache Calcite's SQL parser does not know.
 *
 * The driver offers every statement to this grammar first and hands it to Calcite when its first
 * two tokens are not the start of one of ours (see StatementParser). So this grammar describes
 * only EdgeTimeDB's own statements, never general SQL, and every statement here must begin with
 * two keywords that no Calcite statement begins with.
 *
 * AstBuilder turns the parse tree into the records of io.edgetimedb.grammar.ast; the rule and
 * label names below are what it visits.
 */
grammar EdgeStatement;

// Keywords are case-insensitive, as in SQL; AstBuilder lower-cases unquoted identifiers to match.
options { caseInsensitive = true; }

// Exactly one statement: the driver splits scripts into statements before they get here.
singleStatement
    : statement SEMICOLON? EOF
    ;

// One alternative per statement. Retention, rollup, detector and sync statements slot in here as
// further alternatives, each with its own rule and its own record in the AST.
statement
    : createMeasurement
    | dropMeasurement
    | showMeasurements
    | showSeries
    | showTagKeys
    | showTagValues
    | showFields
    | showConfig
    | setSetting
    ;

// ---------------------------------------------------------------------------------------------
// Measurements
// ---------------------------------------------------------------------------------------------

createMeasurement
    : CREATE MEASUREMENT ifNotExists? identifier
      LPAREN columnDefinition (COMMA columnDefinition)* RPAREN
    ;

ifNotExists
    : IF NOT EXISTS
    ;

columnDefinition
    : identifier columnType
    ;

// Every measurement has an implicit timestamp column 'ts'. DDL copied from other databases tends
// to list it, so TIMESTAMP is accepted here; AstBuilder then drops a 'ts' column and rejects any
// other TIMESTAMP column, naming it in the error.
columnType
    : columnKind
    | TIMESTAMP
    ;

// One alternative per ColumnKind. The synonyms let DDL written for other databases work unchanged.
columnKind
    : TAG                               # tagKind
    | (DOUBLE | FLOAT)                  # doubleKind
    | (BIGINT | INT | INTEGER | LONG)   # bigintKind
    | (BOOLEAN | BOOL)                  # booleanKind
    | (VARCHAR | STRING | TEXT)         # varcharKind
    | (VARBINARY | BYTES | BLOB)        # varbinaryKind
    ;

dropMeasurement
    : DROP MEASUREMENT ifExists? identifier
    ;

ifExists
    : IF EXISTS
    ;

// ---------------------------------------------------------------------------------------------
// Metadata
// ---------------------------------------------------------------------------------------------

showMeasurements
    : SHOW MEASUREMENTS (LIKE pattern=STRING_LITERAL)?
    ;

showSeries
    : SHOW SERIES fromMeasurement? (WHERE tagCondition)?
    ;

showTagKeys
    : SHOW TAG KEYS fromMeasurement?
    ;

showTagValues
    : SHOW TAG VALUES fromMeasurement? WITH KEY tagKeySelection
    ;

tagKeySelection
    : EQ identifier
    | IN LPAREN identifier (COMMA identifier)* RPAREN
    ;

showFields
    : SHOW FIELDS fromMeasurement?
    ;

fromMeasurement
    : FROM identifier
    ;

// A predicate on tag values. ANTLR gives earlier alternatives higher precedence, so NOT binds
// tighter than AND, and AND tighter than OR, as in SQL.
tagCondition
    : LPAREN tagCondition RPAREN                                        # parenthesizedCondition
    | NOT tagCondition                                                  # notCondition
    | tagCondition AND tagCondition                                     # andCondition
    | tagCondition OR tagCondition                                      # orCondition
    | identifier EQ STRING_LITERAL                                      # equalsCondition
    | identifier (LT_GT | BANG_EQ) STRING_LITERAL                       # notEqualsCondition
    | identifier NOT? IN LPAREN STRING_LITERAL (COMMA STRING_LITERAL)* RPAREN # inCondition
    | identifier LIKE STRING_LITERAL                                    # likeCondition
    ;

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

showConfig
    : SHOW CONFIG (LIKE pattern=STRING_LITERAL)?
    ;

// SET http.max-body-size = 64MiB, SET wal.fsync = 'always'. A setting name is dotted words with
// hyphens, and a value may be a number with a unit; neither is one token, so AstBuilder takes
// both as the exact text they span and refuses blanks inside a name.
setSetting
    : SET settingName EQ settingValue
    ;

settingName
    : identifier ((DOT | MINUS) identifier)*
    ;

settingValue
    : STRING_LITERAL                # quotedSettingValue
    | MINUS? NUMBER identifier?     # numberSettingValue
    | identifier                    # wordSettingValue
    ;

// ---------------------------------------------------------------------------------------------
// Identifiers
// ---------------------------------------------------------------------------------------------

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReservedKeyword
    ;

// Keywords that are also plausible measurement, column or tag names ("key", "timestamp", "tag").
// Every place that expects one of them as a keyword is unambiguous without it, so they stay
// usable as names. Words that are not keywords of this grammar at all (value, time, count, type)
// are plain identifiers and need no entry. IF, NOT, IN, FROM, WHERE and the like stay reserved:
// as names they would make the optional clauses ambiguous.
nonReservedKeyword
    : MEASUREMENT | MEASUREMENTS | SERIES | FIELDS | TAG | KEYS | KEY | VALUES
    | TIMESTAMP | DOUBLE | FLOAT | BIGINT | INT | INTEGER | LONG | BOOLEAN | BOOL
    | VARCHAR | STRING | TEXT | VARBINARY | BYTES | BLOB | CONFIG | SET
    ;

// ---------------------------------------------------------------------------------------------
// Lexer. Error messages list expected keywords by token name and punctuation by its text, in the
// order the tokens are defined here: keep the canonical column types before their synonyms.
// ---------------------------------------------------------------------------------------------

CREATE       : 'CREATE';
DROP         : 'DROP';
SHOW         : 'SHOW';
MEASUREMENT  : 'MEASUREMENT';
MEASUREMENTS : 'MEASUREMENTS';
SERIES       : 'SERIES';
FIELDS       : 'FIELDS';
KEYS         : 'KEYS';
VALUES       : 'VALUES';
KEY          : 'KEY';
WITH         : 'WITH';
FROM         : 'FROM';
WHERE        : 'WHERE';
LIKE         : 'LIKE';
IN           : 'IN';
NOT          : 'NOT';
AND          : 'AND';
OR           : 'OR';
IF           : 'IF';
EXISTS       : 'EXISTS';
CONFIG       : 'CONFIG';
SET          : 'SET';

TAG          : 'TAG';
DOUBLE       : 'DOUBLE';
BIGINT       : 'BIGINT';
BOOLEAN      : 'BOOLEAN';
VARCHAR      : 'VARCHAR';
VARBINARY    : 'VARBINARY';
TIMESTAMP    : 'TIMESTAMP';
FLOAT        : 'FLOAT';
INT          : 'INT';
INTEGER      : 'INTEGER';
LONG         : 'LONG';
BOOL         : 'BOOL';
STRING       : 'STRING';
TEXT         : 'TEXT';
BYTES        : 'BYTES';
BLOB         : 'BLOB';

LPAREN       : '(';
RPAREN       : ')';
COMMA        : ',';
SEMICOLON    : ';';
EQ           : '=';
LT_GT        : '<>';
BANG_EQ      : '!=';
DOT          : '.';
MINUS        : '-';
NUMBER       : [0-9]+ ('.' [0-9]+)?;

// After the keywords, so that a keyword is never lexed as an identifier of the same length.
IDENTIFIER        : [\p{L}_] [\p{L}\p{N}_]*;
// Keeps its case; a doubled quote stands for one quote.
QUOTED_IDENTIFIER : '"' ( ~'"' | '""' )* '"';
// A doubled quote stands for one quote.
STRING_LITERAL    : '\'' ( ~'\'' | '\'\'' )* '\'';

// Skipped rather than hidden: the parser then sees significant tokens only, and a token's index
// is its position among them, which is what StatementParser counts to decide "not mine".
LINE_COMMENT  : '--' ~[\r\n]* -> skip;
BLOCK_COMMENT : '/*' .*? '*/' -> skip;
WHITESPACE    : [ \t\r\n\f]+ -> skip;

// The lexer never fails: whatever is not a token above becomes one of these, and the parser
// rejects it with a position like any other unexpected token. An unterminated literal or comment
// runs to the end of the input; the terminated rules above win whenever the closing quote or */
// exists because their match is longer.
UNTERMINATED_QUOTED_IDENTIFIER : '"' ( ~'"' | '""' )*;
UNTERMINATED_STRING_LITERAL    : '\'' ( ~'\'' | '\'\'' )*;
UNTERMINATED_COMMENT           : '/*' ( ~'*' | '*'+ ~[*/] )* '*'*;
UNRECOGNIZED                   : .;
