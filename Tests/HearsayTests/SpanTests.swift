import Testing
@testable import Hearsay

@Test func spanOrderingAndContainment() {
    #expect(Span(1, 3) < Span(2, 3))
    #expect(Span(0, 10).contains(Span(2, 5)))
    #expect(!Span(0, 3).overlaps(Span(3, 5)))
}
