package io.orrery.broker.session;

import io.orrery.model.SessionPhase;

/**
 * Executes nothing: plays each session's schedule, preparing from the preparation start, available and running
 * from the start, releasing from the end and completed when release is done.
 */
public final class SimulatedExecution implements ExecutionAdapter {
    @Override
    public void accepted(Work work, PhaseDriver driver) {
        SessionPlan plan = work.plan();
        driver.at(plan.preparing(), plan.sessionId(), SessionPhase.PREPARING);
        driver.at(plan.start(), plan.sessionId(), SessionPhase.AVAILABLE);
        driver.at(plan.start(), plan.sessionId(), SessionPhase.RUNNING);
        driver.at(plan.end(), plan.sessionId(), SessionPhase.RELEASING);
        driver.at(plan.releaseEnd(), plan.sessionId(), SessionPhase.COMPLETED);
    }

    @Override
    public void stop(String sessionId) {
        // nothing runs
    }
}
