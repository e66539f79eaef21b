package closedloop.escalation.calendar;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Flux;

/** The uploaded calendar years, one document per version (a handful per year). */
public interface UploadedCalendars extends ReactiveMongoRepository<UploadedCalendar, String> {

    /** Every version of every year of a region (index on {@code region}). */
    Flux<UploadedCalendar> findByRegion(String region);
}
