// Whether a party's name is the subject of its clause: 「発注者は、」「甲及び乙は」, not the relative
// clause of 「担当者が指定する日」 or the object of 「甲に報告する」. Shared by the kinds that ask who
// bears a duty (subject-missing, and qualifiers in the orderer's own duties).

/** What follows a party's name when it is the subject of its main clause (「発注者は」). */
const SUBJECT_MARK = /^(は|では|において|にあっては|側は)/u;
/** A name joined to the next one as a joint subject: 「発注者及び受注者は」「甲と乙は」. */
const JOINED = /^(及び|および|並びに|と|・|、)/u;

export interface NameSpan { start: number; end: number }

/**
 * True when the name at `name` (a span of `text`) is a subject, alone or joined to a following name
 * that is (「甲及び乙は」). `names` are all party names found in the same text.
 */
export function isSubjectName(text: string, name: NameSpan, names: readonly NameSpan[]): boolean {
  const after = text.slice(name.end, name.end + 6);
  if (SUBJECT_MARK.test(after)) return true;
  const j = JOINED.exec(after);
  if (!j) return false;
  const next = names.find((o) => o.start === name.end + j[0].length);
  return !!next && isSubjectName(text, next, names);
}
