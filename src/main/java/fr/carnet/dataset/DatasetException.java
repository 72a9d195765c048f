package fr.carnet.dataset;

import java.util.List;

/** A dataset that cannot be imported, with every problem found; nothing was imported. */
public class DatasetException extends RuntimeException {
    private final List<Problem> problems;

    public DatasetException(List<Problem> problems) {
        super(problems.size() + " problem(s): " + (problems.isEmpty() ? "" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
