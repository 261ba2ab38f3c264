package dev.spoor.scope;

/**
 * A mark of one thread's scope stack, from {@link MdcScopeManager#capture()}: hand it back to
 * {@link MdcScopeManager#restore(ScopeMark)} on the same thread to close whatever scopes were left
 * open since. Typed, so that only a mark (never any object) can be passed back; opaque, so that
 * nothing else can be done with it. Only this package makes marks: the mark is the scope that was
 * on top of the stack, so capturing allocates nothing.
 */
public abstract class ScopeMark {
  ScopeMark() {}
}
