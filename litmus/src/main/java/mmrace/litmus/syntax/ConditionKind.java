package mmrace.litmus.syntax;

/**
 * The quantifier of the final condition, with herd7's spelling of the keyword and of the kind
 * it prints on its {@code Test NAME KIND} line ({@code ConstrGen.pp_kind}).
 */
public enum ConditionKind {
    /** {@code exists (p)}: some final state satisfies p. herd7 prints {@code Allowed}. */
    EXISTS("exists", "Allowed"),
    /** {@code ~exists (p)}: no final state satisfies p. herd7 prints {@code Forbidden}. */
    NOT_EXISTS("~exists", "Forbidden"),
    /** {@code forall (p)}: every final state satisfies p. herd7 prints {@code Required}. */
    FORALL("forall", "Required");

    private final String keyword;
    private final String herdKind;

    ConditionKind(String keyword, String herdKind) {
        this.keyword = keyword;
        this.herdKind = herdKind;
    }

    /** {@return the keyword as herd7 prints it: {@code exists}, {@code ~exists}, {@code forall}} */
    public String keyword() {
        return keyword;
    }

    /** {@return herd7's name of the kind: {@code Allowed}, {@code Forbidden}, {@code Required}} */
    public String herdKind() {
        return herdKind;
    }
}
